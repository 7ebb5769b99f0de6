"""Alert mails: one mail per person per round, immediate or as a daily or weekly digest.

Pending alerts (``sent_at`` empty) of one frequency are read for a batch of people at a time,
marked sent and handed to :func:`participation.mail.queue_message`, which delivers them in
background tasks with retries. Every mail carries a signed one-click unsubscribe link per
follow and one for everything, and the RFC 8058 headers mail clients act on; no image, no
tracked link.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from itertools import groupby
from operator import attrgetter
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from catalogue.public_url import absolute_url
from participation.mail import queue_message

from .models import Alert, AlertFrequency
from .signing import unsubscribe_token

logger = logging.getLogger(__name__)
PEOPLE_PER_ROUND = 200


def unsubscribe_url(user_id: int, follow_id: int | None) -> str:
    return absolute_url(reverse("alerts:unsubscribe", args=[unsubscribe_token(user_id, follow_id)]))


def _subject(alerts: Sequence[Alert], frequency: str) -> str:
    site = settings.WAGTAIL_SITE_NAME
    count = len(alerts)
    if frequency == AlertFrequency.DAILY:
        text = ngettext(
            "%(site)s: your daily digest (%(count)d update)",
            "%(site)s: your daily digest (%(count)d updates)",
            count,
        )
    elif frequency == AlertFrequency.WEEKLY:
        text = ngettext(
            "%(site)s: your weekly digest (%(count)d update)",
            "%(site)s: your weekly digest (%(count)d updates)",
            count,
        )
    elif count == 1:
        return _("%(site)s: %(summary)s") % {"site": site, "summary": alerts[0].summary}
    else:
        text = ngettext("%(site)s: %(count)d update", "%(site)s: %(count)d updates", count)
    return text % {"site": site, "count": count}


def alert_message(user: Any, alerts: Sequence[Alert], frequency: str) -> EmailMultiAlternatives:
    """The mail telling ``user`` about ``alerts`` (plain text and HTML)."""
    follow_ids = {alert.follow_id for alert in alerts if alert.follow_id}
    everything = unsubscribe_url(user.pk, None)
    one_click = (
        unsubscribe_url(user.pk, next(iter(follow_ids))) if len(follow_ids) == 1 else everything
    )
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "frequency": frequency,
        "items": [
            {
                "alert": alert,
                "url": absolute_url(alert.url) if alert.url else "",
                "unsubscribe_url": unsubscribe_url(user.pk, alert.follow_id)
                if alert.follow_id
                else "",
            }
            for alert in alerts
        ],
        "unsubscribe_all_url": everything,
        "following_url": absolute_url(reverse("alerts:following")),
    }
    message = EmailMultiAlternatives(
        subject=_subject(alerts, frequency)[:200],
        body=render_to_string("alerts/mail/alerts.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{one_click}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("alerts/mail/alerts.html", context), "text/html")
    return message


def _send_round(user_ids: Sequence[int], frequency: str) -> int:
    now = timezone.now()
    with transaction.atomic():
        pending = list(
            Alert.objects.filter(user_id__in=user_ids, sent_at=None, frequency=frequency)
            .select_related("user")
            .order_by("user_id", "created_at", "id")
        )
        Alert.objects.filter(pk__in=[alert.pk for alert in pending], sent_at=None).update(
            sent_at=now
        )
        mails = 0
        for _user_id, group in groupby(pending, key=attrgetter("user_id")):
            alerts = list(group)
            user = alerts[0].user
            if not (user.is_active and user.email):
                logger.info("alerts for account %s not mailed: no active address", user.pk)
                continue
            queue_message(alert_message(user, alerts, frequency))
            mails += 1
    return mails


def send_pending_alerts(frequency: str) -> int:
    """Mail every pending alert of ``frequency``, one mail per person; returns the mails."""
    mails = 0
    while True:
        user_ids = list(
            Alert.objects.filter(sent_at=None, frequency=frequency)
            .order_by()
            .values_list("user_id", flat=True)
            .distinct()[:PEOPLE_PER_ROUND]
        )
        if not user_ids:
            return mails
        mails += _send_round(user_ids, frequency)


@task()
def send_immediate_alerts_task() -> int:
    """Queued when immediate alerts are written: groups each person's pending ones."""
    return send_pending_alerts(AlertFrequency.IMMEDIATE)


@task()
def send_digests_task(frequency: str) -> int:
    """The daily or weekly digest (``manage.py send_alert_digests`` or a scheduler)."""
    if frequency not in (AlertFrequency.DAILY, AlertFrequency.WEEKLY):
        raise ValueError(f"not a digest frequency: {frequency!r}")
    return send_pending_alerts(frequency)
