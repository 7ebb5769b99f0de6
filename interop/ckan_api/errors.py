"""CKAN's error envelope: what ckanapi's ``reverse_apicontroller_action`` turns back into
``NotFound`` / ``ValidationError`` exceptions on the client side."""

from __future__ import annotations

from typing import Any


class CkanActionError(Exception):
    """An action cannot answer: the view renders ``{"success": false, "error": ...}``."""

    error_type = "Bad Request"
    status = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def as_dict(self) -> dict[str, Any]:
        error: dict[str, Any] = {"__type": self.error_type, "message": self.message}
        if self.field:
            # CKAN's validation errors name each failing field with a list of messages.
            error[self.field] = [self.message]
        return error


class NotFoundError(CkanActionError):
    error_type = "Not Found Error"
    status = 404


class ValidationError(CkanActionError):
    error_type = "Validation Error"
    status = 409


class BadRequestError(CkanActionError):
    error_type = "Bad Request"
    status = 400
