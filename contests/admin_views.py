"""Admin views: import and export of a question bank, import of member counts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from federations.models import Unit

from .forms import UploadForm
from .importing import ImportFailed, export_file, import_member_counts, import_questions
from .models import QuestionBank
from .scoping import managed_unit_paths, manages, within


def _render(request, context: dict) -> TemplateResponse:
    context["header_title"] = context["page_title"]
    context["header_icon"] = "upload"
    return TemplateResponse(request, "contests/admin/import.html", context)


def _bank_for(request, pk: int) -> QuestionBank:
    bank = get_object_or_404(QuestionBank.objects.select_related("unit"), pk=pk)
    if not (request.user.has_perm("contests.change_questionbank") and manages(request.user, bank.unit)):
        raise PermissionDenied
    return bank


def import_bank(request, pk: int):
    bank = _bank_for(request, pk)
    errors: list[str] = []
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = import_questions(bank, form.cleaned_data["file"])
        except ImportFailed as failure:
            errors = failure.errors
        else:
            messages.success(
                request, _("%(count)s questions were added to “%(bank)s”.") % {"count": count, "bank": bank}
            )
            return redirect("contests_import_bank", pk=bank.pk)
    return _render(
        request,
        {
            "page_title": _("Import questions into “%(bank)s”") % {"bank": bank},
            "form": form,
            "errors": errors,
            "bank": bank,
            "columns": "topic, difficulty, type, question, option_1 … option_6, correct, explanation",
        },
    )


def export_bank(request, pk: int):
    bank = _bank_for(request, pk)
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    content, content_type = export_file(bank, file_format)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="question-bank-{bank.pk}.{file_format}"'
    return response


def import_counts(request):
    if not request.user.has_perm("contests.change_unitmembercount"):
        raise PermissionDenied
    errors: list[str] = []
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        allowed = Unit.objects.filter(within(managed_unit_paths(request.user), "path"))
        try:
            count = import_member_counts(form.cleaned_data["file"], allowed_units=allowed)
        except ImportFailed as failure:
            errors = failure.errors
        else:
            messages.success(request, _("Member counts of %(count)s units were saved.") % {"count": count})
            return redirect("contests_import_counts")
    return _render(
        request,
        {
            "page_title": _("Import member counts"),
            "form": form,
            "errors": errors,
            "columns": "code, member_count, as_of",
        },
    )
