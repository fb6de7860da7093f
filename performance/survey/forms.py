"""The public SKM form: nine elements, the service received, an optional profile, comment and officer."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import COMMENT_MAX_LENGTH, SurveyResponse

HONEYPOT_FIELD = "situs_web"


class SurveyForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    service_kind = forms.TypedChoiceField(
        label=_("Jenis layanan yang Anda terima"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Pilih jenis layanan yang Anda terima."),
            "invalid_choice": _("Jenis layanan tidak dikenal untuk unit ini."),
        },
    )
    gender = forms.ChoiceField(
        label=_("Jenis kelamin"), required=False, choices=[("", _("— tidak diisi —")), *SurveyResponse.Gender.choices]
    )
    age_band = forms.ChoiceField(
        label=_("Usia"), required=False, choices=[("", _("— tidak diisi —")), *SurveyResponse.AgeBand.choices]
    )
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"),
        required=False,
        choices=[("", _("— tidak diisi —")), *SurveyResponse.Education.choices],
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan"), required=False, choices=[("", _("— tidak diisi —")), *SurveyResponse.Occupation.choices]
    )
    officer = forms.CharField(label=_("Petugas yang melayani Anda"), required=False, max_length=16)
    comment = forms.CharField(
        label=_("Saran, masukan, atau pengaduan"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
        error_messages={
            "max_length": _("Komentar paling banyak %(limit_value)d karakter (sekarang %(show_value)d)."),
        },
    )
    is_complaint = forms.BooleanField(label=_("Ini pengaduan yang perlu ditindaklanjuti"), required=False)
    # Honeypot: hidden from people by CSS (and labelled so), filled only by bots.
    situs_web = forms.CharField(label=_("Jangan isi kolom ini"), required=False)

    def __init__(self, *args, kinds, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_kind"].choices = [(k.pk, k.name) for k in kinds]
        self.officers = {o.code: o for o in officers}
        self.element_fields = []
        for number, name, question, answers in rules.ELEMENTS:
            key = f"u{number}"
            self.fields[key] = forms.TypedChoiceField(
                label=question,
                coerce=int,
                choices=[(i + 1, answer) for i, answer in enumerate(answers)],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Pilih satu jawaban untuk unsur %(n)d (%(name)s).") % {"n": number, "name": name},
                    "invalid_choice": _("Jawaban unsur %(n)d harus antara 1 dan 4.") % {"n": number},
                },
            )
            self.element_fields.append((number, name, key))

    def clean_officer(self):
        code = (self.cleaned_data.get("officer") or "").strip().upper()
        if not code:
            return None
        officer = self.officers.get(code)
        if officer is None:
            raise forms.ValidationError(_("Kode petugas %(code)s tidak dikenal di unit ini.") % {"code": code})
        return officer

    def clean_situs_web(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("Formulir tidak dapat diterima. Kosongkan kolom terakhir lalu kirim lagi."))
        return ""

    def elements(self):
        """(number, short name, bound field) in order, for the template."""
        return [(number, name, self[key]) for number, name, key in self.element_fields]

    def profile(self) -> dict[str, str]:
        return {f: self.cleaned_data.get(f) or "" for f in ("gender", "age_band", "education", "occupation")}


class FollowUpForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan tindak lanjut"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tuliskan tindak lanjutnya.")},
    )
