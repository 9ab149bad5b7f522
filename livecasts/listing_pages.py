"""Pages of episode listings, kept until the schedule changes (citymakers/cache_lifetimes.py):
a series, an organisation or the home page reads its listing once per content change, episode
start or end and day, not per request."""

from django.core.paginator import Page, Paginator

from citymakers.cache_lifetimes import kept_until_schedule_changes

# Any other number asked for is read each time, so made-up page numbers fill no cache.
KEPT_PAGE_NUMBERS = 20


def requested_page_number(request):
    """The listing page asked for with ?page=, 1 when there is none or it is not a number (as
    Paginator.get_page reads it: a number out of range shows the last page)."""
    try:
        return int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        return 1


def frozen(page):
    """A paginator page that holds its items and the count only, with nothing left to read
    from the database, so that it can be kept in a cache."""
    paginator = Paginator(range(page.paginator.count), page.paginator.per_page)
    return Page(list(page.object_list), page.number, paginator)


def kept_listing(key, request, build):
    """`build(page_number)`, kept until the schedule changes, for the page number requested."""
    number = requested_page_number(request)
    if not 1 <= number <= KEPT_PAGE_NUMBERS:
        return build(number)
    return kept_until_schedule_changes(f"{key}:{number}", lambda: build(number))
