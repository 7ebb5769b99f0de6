"""The posts of a thread as HTML, written in Python rather than a template loop.

An entry page with 200 posts spent most of its time in the template engine (a few hundred
nodes per post); the same markup built here with ``format_html`` takes a fraction of that.
The markup is what ``includes/thread.html`` documents: one ``<li>`` per post, with the
publisher's-answer button and the "report this post" form for signed-in readers.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import FlagReason, Post, PostStatus
from .rules import Viewer
from .selectors import public_name


def _author(post: Post) -> str:
    name = public_name(post.author)
    profile = getattr(post.author, "profile", None) if post.author is not None else None
    organisation = getattr(profile, "organisation_name", "")
    return f"{name} ({organisation})" if organisation else name


class PostRenderer:
    """Renders posts for one viewer; translated strings and URLs are worked out once."""

    def __init__(self, viewer: Viewer, csrf_token: Any) -> None:
        self.viewer = viewer
        self.user_id = viewer.user.pk if viewer.user.is_authenticated else None
        self.csrf = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', str(csrf_token or "")
        )
        self.report_url = reverse("discussions:report", args=[0]).replace("/0/", "/{}/")
        self.answer_url = reverse("discussions:answer", args=[0]).replace("/0/", "/{}/")
        options = format_html_join("", '<option value="{}">{}</option>', FlagReason.choices)
        self.report_form = format_html(
            '<details class="discussion-post__report"><summary>{}</summary>'
            '<form method="post" action="{{url}}" class="discussion-form">{}'
            '<div class="field"><label for="flag-{{pk}}-reason">{}</label>'
            '<select name="reason" id="flag-{{pk}}-reason" required><option value="">{}</option>'
            "{}</select></div>"
            '<div class="field"><label for="flag-{{pk}}-note">{} <span class="muted">{}</span>'
            '</label><textarea name="note" id="flag-{{pk}}-note" rows="2" maxlength="1000">'
            "</textarea></div>"
            '<div class="honeypot" aria-hidden="true"><label for="id_website_flag-{{pk}}">{}'
            '</label><input type="text" name="website" id="id_website_flag-{{pk}}" '
            'tabindex="-1" autocomplete="off"></div><button type="submit">{}</button>'
            "</form></details>",
            _("Report this post"),
            self.csrf,
            _("Why should a moderator look at this post?"),
            _("Choose…"),
            options,
            _("Anything the moderators should know"),
            _("(optional)"),
            _("Leave this field empty"),
            _("Report to the moderators"),
        )
        # dateformat's "j M Y, H:i", its month names read once (it re-reads them per call)
        self.months = {n: str(name).title() for n, name in MONTHS_3.items()}
        self.texts = {
            "answer": _("Answer from the publisher"),
            "held": _("Waiting for a moderator: only you and the moderators see this post."),
            "hidden": _("This post was hidden by the moderators."),
            "hidden_mod": _("Hidden from the public by the moderators."),
            "mark": _("Mark as the publisher's answer"),
            "unmark": _("Unmark as the publisher's answer"),
        }

    def posts(self, posts: list[Post]) -> SafeString:
        return mark_safe("".join(self.post(post) for post in posts))  # noqa: S308 (built escaped)

    def post(self, post: Post) -> str:
        classes = "discussion-post"
        if post.is_publisher_answer:
            classes += " discussion-post--answer"
        if post.status != PostStatus.VISIBLE:
            classes += f" discussion-post--{post.status}"
        created = timezone.localtime(post.created_at)
        meta = format_html(
            '<p class="discussion-post__meta"><span class="discussion-post__author">{}</span> · '
            '<time datetime="{}">{}</time>{}</p>',
            _author(post),
            created.isoformat(),
            f"{created.day} {self.months[created.month]} {created.year}, {created:%H:%M}",
            format_html(
                ' · <strong class="discussion-post__badge">{}</strong>', self.texts["answer"]
            )
            if post.is_publisher_answer
            else "",
        )
        return format_html(
            '<li class="{}" id="post-{}">{}{}{}</li>',
            classes,
            post.pk,
            meta,
            self._body(post),
            self._actions(post),
        )

    def _body(self, post: Post) -> str:
        state = ""
        if post.status == PostStatus.HELD:
            state = format_html(
                '<p class="discussion-post__state"><strong>{}</strong></p>', self.texts["held"]
            )
        if post.status == PostStatus.HIDDEN:
            if not self.viewer.moderator:
                return format_html(
                    '<p class="discussion-post__state"><em>{}</em></p>', self.texts["hidden"]
                )
            state = format_html(
                '<p class="discussion-post__state"><strong>{}</strong></p>',
                self.texts["hidden_mod"],
            )
        body = mark_safe(post.body_html)  # noqa: S308 (sanitised by .markdown when written)
        return format_html('{}<div class="discussion-post__body">{}</div>', state, body)

    def _actions(self, post: Post) -> SafeString | str:
        if self.user_id is None or post.status != PostStatus.VISIBLE:
            return ""
        html = ""
        if self.viewer.answers_for_subject and post.author_id == self.user_id:
            html += format_html(
                '<form method="post" action="{}" class="inline-form">{}<input type="hidden" '
                'name="value" value="{}"><button type="submit" class="link-button">{}</button>'
                "</form>",
                self.answer_url.format(post.pk),
                self.csrf,
                "0" if post.is_publisher_answer else "1",
                self.texts["unmark" if post.is_publisher_answer else "mark"],
            )
        if post.author_id != self.user_id:
            html += self.report_form.replace("{url}", self.report_url.format(post.pk)).replace(
                "{pk}", str(post.pk)
            )
        return mark_safe(html)  # noqa: S308 (every part built by format_html)
