from django import forms
from django.utils.translation import gettext_lazy as _

from .escalation import category_choices

MAX_QUESTION = 5000


class AskForm(forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Describe your situation in your own words, with or without diacritics."),
        error_messages={
            "required": _("Type your question first."),
            "max_length": _("Keep your question under %(limit_value)d characters (it has %(show_value)d)."),
        },
    )
    conversation = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_question(self) -> str:
        question = self.cleaned_data["question"].strip()
        if not question:
            raise forms.ValidationError(_("Type your question first."))
        return question


class HelpfulForm(forms.Form):
    helpful = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])


class AdviserForm(forms.Form):
    category = forms.ChoiceField(label=_("What is it about?"), choices=())
    description = forms.CharField(
        label=_("What would you like the adviser to know?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_QUESTION,
        error_messages={"required": _("Tell the adviser what you need.")},
    )
    employer = forms.CharField(label=_("Employer (optional)"), max_length=200, required=False)
    show_name_to_employer = forms.BooleanField(
        label=_("The union may tell my employer my name if it helps solve this"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = category_choices()
