"""``{% discussion_panel subject %}``: the discussion of any subject, on any page.

Entry pages get it through the ``entry_detail_sections`` hook; a data request's page (or any
other discussable subject's) embeds it with this tag. The page's context gives the viewer.
"""

from __future__ import annotations

from typing import Any

from django import template

from .. import rules, selectors
from ..forms import ReplyForm, ThreadForm
from ..models import FlagReason
from ..rendering import PostRenderer

register = template.Library()


def panel_context(request: Any, subject: Any) -> dict[str, Any]:
    """What panel.html and thread.html need, in a fixed number of queries."""
    viewer = rules.viewer_for(request.user, subject)
    return {
        "viewer": viewer,
        "threads": selectors.threads_on(subject, viewer),
        "subject_key": selectors.subject_key(subject),
        "read_only_message": rules.read_only_message(subject),
        "thread_form": ThreadForm(),
        "reply_form": ReplyForm(),
        "flag_reasons": FlagReason.choices,
    }


@register.inclusion_tag("discussions/panel.html", takes_context=True)
def discussion_panel(context: template.Context, subject: Any) -> dict[str, Any]:
    request = context["request"]
    return {
        **panel_context(request, subject),
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def discussion_author(user: Any) -> str:
    """An author's public name, with their organisation if they gave one; never an e-mail."""
    name = selectors.public_name(user)
    profile = getattr(user, "profile", None) if user is not None else None
    organisation = getattr(profile, "organisation_name", "")
    return f"{name} ({organisation})" if organisation else name


@register.filter
def prefixed(value: Any, prefix: str) -> str:
    """``42|prefixed:"reply"`` → ``reply-42``: an id unique on the page."""
    return f"{prefix}-{value}"


@register.simple_tag(takes_context=True)
def discussion_posts(context: template.Context, thread: Any) -> str:
    """A thread's posts as the viewer may see them (one renderer per page)."""
    renderer = context.render_context.get("discussion_renderer")
    if renderer is None:
        renderer = PostRenderer(context["viewer"], context.get("csrf_token"))
        context.render_context["discussion_renderer"] = renderer
    return renderer.posts(selectors.shown_posts(thread))
