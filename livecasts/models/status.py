"""Whether an episode still happens as planned, and the calendar revision that tells
subscribed calendars when its facts changed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from livecasts import facts
from livecasts.broadcast_text import STATUS_CHOICES
from livecasts.schedule import MOVED, SCHEDULED


class BroadcastStatusMixin(models.Model):
    """Status fields of a broadcast page; its `date` and `start_time` hold the current slot."""

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=STATUS_CHOICES,
        default=SCHEDULED,
        help_text=_(
            "Postponed and cancelled episodes are never shown as live. For a moved episode, "
            "set the new date above and the date it was planned for below."
        ),
    )
    previous_date = models.DateField(
        _("previous date"),
        null=True,
        blank=True,
        help_text=_("Moved episodes only: the day it was planned for before the move."),
    )
    previous_start_time = models.TimeField(
        _("previous start time"),
        null=True,
        blank=True,
        help_text=_("Moved episodes only: the Amsterdam time it was planned for, if known."),
    )
    # Not in any panel: raised on save_revision from the live version (livecasts/facts.py).
    calendar_sequence = models.PositiveIntegerField(
        _("calendar revision"),
        default=0,
        help_text=_("Raised on publish whenever the time, status or livestream changes."),
    )

    status_panels = [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("previous_date"), FieldPanel("previous_start_time")]),
            ],
            heading=_("Status"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.status != MOVED:
            return
        if self.previous_date is None:
            raise ValidationError(
                {"previous_date": _("Give the date the episode was planned for before the move.")}
            )
        if (self.previous_date, self.previous_start_time) == (self.date, self.start_time):
            raise ValidationError(
                {"date": _("A moved episode needs a new date or time; this is the old one.")}
            )

    def save_revision(self, *args, **kwargs):
        self.calendar_sequence = facts.next_calendar_sequence(self)
        return super().save_revision(*args, **kwargs)
