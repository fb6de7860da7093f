from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import PerformancePeriod
from .services import AssessmentInput

RATING_CHOICES = [("", _("— belum dinilai —"))] + [(str(v), label) for v, label in rules.RATING_CHOICES]
COMPETENCY_ROWS = 2


class AssessmentForm(forms.Form):
    """The supervisor's form. It has no predikat field: the service computes it from the two ratings."""

    hasil_kerja = forms.TypedChoiceField(
        label=_("Hasil kerja"), choices=RATING_CHOICES, coerce=int, empty_value=None, required=False
    )
    perilaku_kerja = forms.TypedChoiceField(
        label=_("Perilaku kerja"), choices=RATING_CHOICES, coerce=int, empty_value=None, required=False
    )
    berakhlak = forms.MultipleChoiceField(
        label=_("Nilai BerAKHLAK yang tampak dalam perilaku kerja"),
        choices=(),  # the published BerAKHLAK values, given to __init__ (home.selectors.core_value_choices)
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    summary = forms.CharField(label=_("Catatan penilai"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, standards: list[tuple[str, str]], core_values: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.standards = standards
        self.fields["berakhlak"].choices = core_values
        for code, title in standards:
            self.fields[f"std_{code}_rating"] = forms.TypedChoiceField(
                label=title, choices=RATING_CHOICES, coerce=int, empty_value=None, required=False
            )
            self.fields[f"std_{code}_evidence"] = forms.CharField(
                label=_("Bukti / catatan untuk %(title)s") % {"title": title},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        for i in range(1, COMPETENCY_ROWS + 1):
            self.fields[f"comp_{i}_name"] = forms.CharField(label=_("Kompetensi"), max_length=200, required=False)
            self.fields[f"comp_{i}_score"] = forms.TypedChoiceField(
                label=_("Nilai (1–5)"),
                choices=[("", "—")] + [(str(n), str(n)) for n in range(1, 6)],
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"comp_{i}_reason"] = forms.CharField(
                label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
            )

    def standard_rows(self):
        return [(self[f"std_{code}_rating"], self[f"std_{code}_evidence"]) for code, _title in self.standards]

    def competency_rows(self):
        return [
            (self[f"comp_{i}_name"], self[f"comp_{i}_score"], self[f"comp_{i}_reason"])
            for i in range(1, COMPETENCY_ROWS + 1)
        ]

    def clean(self):
        data = super().clean()
        for i in range(1, COMPETENCY_ROWS + 1):
            name, score, reason = (data.get(f"comp_{i}_{k}") for k in ("name", "score", "reason"))
            if any([name, score, reason]) and not all([name, score, (reason or "").strip()]):
                self.add_error(f"comp_{i}_name", _("Isi kompetensi, nilai 1–5 dan alasannya, atau kosongkan semuanya."))
        return data

    def to_input(self) -> AssessmentInput:
        d = self.cleaned_data
        return AssessmentInput(
            hasil_kerja=d.get("hasil_kerja"),
            perilaku_kerja=d.get("perilaku_kerja"),
            berakhlak=list(d.get("berakhlak") or []),
            summary=d.get("summary", ""),
            standards=[
                {
                    "code": code,
                    "title": title,
                    "rating": d.get(f"std_{code}_rating"),
                    "evidence": d.get(f"std_{code}_evidence", ""),
                }
                for code, title in self.standards
            ],
            competencies=[
                {"competency": d[f"comp_{i}_name"], "score": d[f"comp_{i}_score"], "reason": d[f"comp_{i}_reason"]}
                for i in range(1, COMPETENCY_ROWS + 1)
                if d.get(f"comp_{i}_name")
            ],
        )

    @classmethod
    def initial_from(cls, assessment) -> dict:
        if assessment is None:
            return {}
        initial = {
            "hasil_kerja": assessment.hasil_kerja,
            "perilaku_kerja": assessment.perilaku_kerja,
            "berakhlak": assessment.berakhlak,
            "summary": assessment.summary,
        }
        for s in assessment.standard_ratings.all():
            initial[f"std_{s.standard_code}_rating"] = s.rating
            initial[f"std_{s.standard_code}_evidence"] = s.evidence
        for i, c in enumerate(assessment.competency_ratings.all()[:COMPETENCY_ROWS], start=1):
            initial[f"comp_{i}_name"], initial[f"comp_{i}_score"], initial[f"comp_{i}_reason"] = (
                c.competency,
                c.score,
                c.reason,
            )
        return initial


class AcknowledgeForm(forms.Form):
    response = forms.CharField(
        label=_("Tanggapan Anda (boleh dikosongkan)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )


class RosterUploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas daftar pegawai (CSV atau XLSX)"))
    deactivate_missing = forms.BooleanField(label=_("Nonaktifkan pegawai yang tidak ada dalam berkas"), required=False)

    MAX_BYTES = 20 * 1024 * 1024

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Gunakan berkas .csv atau .xlsx."))
        if f.size > self.MAX_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimal 20 MB)."))
        return f


class RosterApplyForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    sha256 = forms.CharField(widget=forms.HiddenInput)


class PeriodStatusForm(forms.Form):
    status = forms.ChoiceField(choices=PerformancePeriod.Status.choices)


class PeriodForm(forms.ModelForm):
    class Meta:
        model = PerformancePeriod
        fields = ["year", "kind", "start_date", "end_date", "status"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }
