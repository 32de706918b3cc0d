"""Serving a private file (a CV, a request's attachment, a form upload) once a view has said who may.

Every such download has the same shape: the view checks its own permission rule, then
this helper asks staff for their second factor, opens the file and answers with headers
that keep it out of shared caches and out of the browser's inline viewer. Officers and
editors reach other people's files here just as they would in the admin, so the same
rule applies: no second factor, no file. A member fetching their own file needs none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from django.http import FileResponse, Http404, HttpRequest, HttpResponse

from .second_factor import second_factor_redirect


def private_file_response(
    request: HttpRequest,
    open_file: Callable[[], IO[bytes]],
    filename: str,
    *,
    as_staff: bool,
    content_type: str | None = None,
    attachment: bool = True,
) -> HttpResponse:
    """The file as a private attachment; a redirect first for staff without the second factor.

    `as_staff` is true when the user gets the file through an officer's or editor's right
    rather than as its owner. A file that is gone from storage is a 404, not a server error.
    `attachment=False` serves it inline (a member's own photo in an <img>).
    """
    if as_staff:
        redirect_response = second_factor_redirect(request)
        if redirect_response is not None:
            return redirect_response
    try:
        handle = open_file()
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=attachment,
        filename=filename,
        # None: guessed from `filename`, as FileResponse does.
        content_type=content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
