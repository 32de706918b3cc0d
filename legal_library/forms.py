from django import forms
from django.utils.translation import gettext_lazy as _

from .importer import text_from_upload


class ImportForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the document"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=_("From the first “Phần”, “Chương” or “Điều 1.” to the last article."),
    )
    file = forms.FileField(label=_("…or a .txt or .docx file"), required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            try:
                data["text"] = text_from_upload(upload)
            except ValueError as error:
                raise forms.ValidationError({"file": str(error)}) from error
        if not data.get("text", "").strip():
            raise forms.ValidationError(_("Paste the text of the document or choose a file."))
        return data
