"""The campaign form: the unit, jabatan kind and course lists come from the view (the user's scope)."""

from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from performance import rules as perf_rules
from portal import dates


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("Nama kampanye"), max_length=200)
    unit = forms.TypedChoiceField(
        label=_("Unit (beserta subunitnya)"),
        coerce=int,
        error_messages={"invalid_choice": _("Pilih unit dari daftar.")},
    )
    include_subunits = forms.BooleanField(label=_("Termasuk semua subunit"), required=False, initial=True)
    jabatan_kind = forms.ChoiceField(label=_("Jenis jabatan (opsional)"), required=False)
    course = forms.TypedChoiceField(
        label=_("Kursus"), coerce=int, error_messages={"invalid_choice": _("Pilih kursus yang sudah terbit.")}
    )
    due_date = forms.DateField(
        label=_("Tenggat"),
        widget=DateInput(),
        error_messages={"invalid": _("Tulis tanggal yang benar, misalnya 31-12-2026.")},
    )
    message = forms.CharField(
        label=_("Pesan untuk peserta (opsional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # A fresh token per form shown: a double-clicked submit sends the same one twice.
    token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, units, courses, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or dates.today()
        self.fields["unit"].choices = [("", _("— pilih unit —"))] + [(pk, label) for pk, label in units]
        self.fields["course"].choices = [("", _("— pilih kursus —"))] + [(c.pk, c.title) for c in courses]
        self.fields["jabatan_kind"].choices = [("", _("Semua jenis jabatan"))] + list(perf_rules.JABATAN_KINDS)
        self.fields["due_date"].widget.attrs["min"] = self.today.isoformat()

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < self.today:
            raise forms.ValidationError(_("Tenggat tidak boleh sebelum hari ini."))
        return due
