from wagtail import hooks

from home.page_cache import mark_restricted_page

hooks.register("before_serve_page", mark_restricted_page)
