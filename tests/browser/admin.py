"""Steps in Wagtail's admin, done the way a person does them: through labels, buttons and
choosers, never through URLs they could not see."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from PIL import Image
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

EDIT_VIEW = re.compile(r"/admin/pages/(\d+)/edit/$")
# Wagtail's admin, as configured today, calls two outside services: its release feed (the
# upgrade notice for superusers) and Gravatar (avatars). The watch answers them with a
# stand-in; any other outside request from the admin is a new leak.
ADMIN_THIRD_PARTIES = (
    "https://releases.wagtail.org/",
    "http://www.gravatar.com/",
    "https://www.gravatar.com/",
)


@dataclass(frozen=True)
class Episode:
    title: str = "Infected Cities: Madrid, one year on"
    slug: str = "madrid-15"  # the demo has a Madrid episode; this is the city's second
    number: str = "15"
    city: str = "Madrid"
    summary: str = "One year on, the makers of Madrid look back at a city that kept talking."
    speakers: tuple = (("Sample host", "Host"), ("Sample speaker from Madrid", "Guest"))
    text_before: str = "Madrid's cultural makers "
    text_bold: str = "kept the city talking"
    text_after: str = " through a year of closed doors."
    quote: str = "Culture is how a city keeps its voice."
    attribution: str = "Sample speaker from Madrid"
    image_title: str = "Plaza Mayor at dusk"
    alt_text: str = "Plaza Mayor in Madrid at dusk"
    caption: str = "Plaza Mayor, where the first meeting took place."
    start_time: str = "19:30"

    @property
    def date(self):
        """Always two months ahead, so the episode stays upcoming."""
        return (date.today() + timedelta(days=60)).isoformat()

    @property
    def path(self):
        return f"/en/infected-cities/{self.slug}/"


def log_in(page: Page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def open_add_episode_form(page: Page):
    """Pages → English home → Infected Cities → Add child page (the series only takes episodes)."""
    page.goto("/admin/pages/")
    page.get_by_role("row").filter(has_text="English").get_by_role(
        "link", name="Explore child pages"
    ).click()
    page.get_by_role("row").filter(has_text="Infected Cities").get_by_role(
        "link", name="Explore child pages"
    ).click()
    page.get_by_role("link", name="Add child page").first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/livecasts/episodepage/\d+/$"))


def choose_in_modal(page: Page, opener, choice):
    opener.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name=choice, exact=True).click()
    expect(dialog).to_be_hidden()


def fill_content_tab(page: Page, episode: Episode):
    page.get_by_placeholder("Page title").fill(episode.title)
    page.get_by_role("spinbutton", name="Episode number").fill(episode.number)
    choose_in_modal(page, page.get_by_role("button", name="Choose city"), episode.city)
    page.get_by_role("textbox", name="Summary").fill(episode.summary)
    for index, (person, role) in enumerate(episode.speakers):
        page.get_by_role("button", name="Add speaker").click()
        speaker = page.locator(f"#inline_child_speakers-{index}")
        choose_in_modal(page, speaker.get_by_role("button", name="Choose person"), person)
        speaker.get_by_role("textbox", name="Role").fill(role)


def add_block(page: Page, kind):
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=kind, exact=True).click()


def fill_body(page: Page, episode: Episode, image_dir):
    add_block(page, "Text")
    page.locator(".Draftail-Editor [contenteditable=true]").last.click()
    page.keyboard.type(episode.text_before)
    page.keyboard.press("Control+b")
    page.keyboard.type(episode.text_bold)
    page.keyboard.press("Control+b")
    page.keyboard.type(episode.text_after)
    add_block(page, "Quote")
    page.get_by_role("textbox", name=re.compile(r"^Quote")).fill(episode.quote)
    page.get_by_role("textbox", name="Attribution").fill(episode.attribution)
    add_block(page, "Image")
    # The block's own fields first: until they are drawn, the last "Choose an image" button on
    # the form is the hero image's, which would then get the photo instead.
    expect(page.get_by_role("textbox", name="Alternative text")).to_be_visible()
    upload_image(page, episode, image_dir)
    page.get_by_role("textbox", name="Alternative text").fill(episode.alt_text)
    page.get_by_role("textbox", name="Caption").fill(episode.caption)


def upload_image(page: Page, episode: Episode, image_dir):
    photo = image_dir / "plaza-mayor.png"
    Image.new("RGB", (1200, 675), (176, 96, 40)).save(photo)
    page.get_by_role("button", name="Choose an image").last.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Upload").click()
    dialog.locator("input[type=file]").set_input_files(photo)
    dialog.get_by_role("textbox", name="Title").fill(episode.image_title)
    dialog.get_by_role("button", name="Upload").click()
    expect(dialog).to_be_hidden()


def fill_broadcast_tab(page: Page, episode: Episode):
    page.get_by_role("tab", name="Broadcast").click()
    # Anchored names: the Status panel has "Previous date" and "Previous start time" too.
    page.get_by_role("textbox", name=re.compile(r"^Date")).fill(episode.date)
    page.get_by_role("textbox", name=re.compile(r"^Start time")).fill(episode.start_time)
    page.keyboard.press("Escape")  # close the date-time picker


def wait_for_draft(page: Page):
    """Wagtail 8 autosaves a new page once its form is valid and switches to the edit view;
    publishing before that switch would create the page a second time. Without autosave,
    save the draft by hand."""
    try:
        page.wait_for_url(EDIT_VIEW, timeout=10_000)
    except PlaywrightTimeoutError:
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_url(EDIT_VIEW)
    expect(page.locator("#page-edit-form")).to_have_attribute("action", EDIT_VIEW)
    return page.url


def preview(page: Page, episode: Episode):
    page.get_by_role("button", name="Toggle preview").click()
    shown = page.frame_locator("#w-preview-iframe")
    expect(shown.get_by_role("heading", level=1)).to_have_text(episode.title)
    expect(shown.locator("blockquote")).to_contain_text(episode.quote)
    expect(shown.get_by_role("img", name=episode.alt_text)).to_be_visible()


def publish(page: Page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text(re.compile(r"Page '.*' has been published"))).to_be_visible()


def create_and_publish_episode(page: Page, episode: Episode, image_dir):
    """The editor's whole admin part; returns the edit view's URL."""
    open_add_episode_form(page)
    fill_content_tab(page, episode)
    fill_body(page, episode, image_dir)
    fill_broadcast_tab(page, episode)
    edit_url = wait_for_draft(page)
    preview(page, episode)
    publish(page)
    return edit_url
