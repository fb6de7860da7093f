from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DevelopmentPlan, PlanAction
from .rules import EVIDENCE_MAX_BYTES


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PlanCreateForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan untuk rencana ini (opsional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class GoalForm(forms.Form):
    standard_code = forms.ChoiceField(label=_("Standar kinerja"), required=False)
    value_code = forms.ChoiceField(label=_("Nilai BerAKHLAK (opsional)"), required=False)
    target = forms.CharField(label=_("Target"), max_length=300, required=False)

    def __init__(self, *args, standards, values, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard_code"].choices = [("", _("— pilih standar —"))] + list(standards)
        self.fields["value_code"].choices = [("", _("— tanpa —"))] + list(values)


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis langkah"), choices=PlanAction.Kind.choices)
    course_id = forms.TypedChoiceField(
        label=_("Kursus (untuk jenis kursus)"), coerce=int, empty_value=None, required=False
    )
    title = forms.CharField(label=_("Judul (untuk penugasan atau bimbingan)"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Uraian (opsional)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_date = forms.DateField(label=_("Tenggat"), required=False, widget=DateInput())

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course_id"].choices = [("", _("— pilih kursus —"))] + [(c.pk, c.title) for c in courses]


class ActionEditForm(forms.Form):
    """Changing an action: its due date, title and description (kind and course stay)."""

    title = forms.CharField(label=_("Judul"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Uraian (opsional)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_date = forms.DateField(label=_("Tenggat"), required=False, widget=DateInput())


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (DevelopmentPlan.Status.ACTIVE, DevelopmentPlan.Status.ACTIVE.label),
            (DevelopmentPlan.Status.COMPLETED, DevelopmentPlan.Status.COMPLETED.label),
            (DevelopmentPlan.Status.CLOSED, DevelopmentPlan.Status.CLOSED.label),
        ]
    )
    note = forms.CharField(
        label=_("Catatan penutup"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AcknowledgeForm(forms.Form):
    comment = forms.CharField(
        label=_("Komentar Anda (opsional)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class EvidenceForm(forms.Form):
    note = forms.CharField(
        label=_("Apa yang sudah Anda kerjakan?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(
        label=_("Berkas pendukung (opsional: PDF, JPG atau PNG, maksimal %(mb)s MB)")
        % {"mb": EVIDENCE_MAX_BYTES // (1024 * 1024)},
        required=False,
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Terima")), ("return", _("Kembalikan"))])
    comment = forms.CharField(
        label=_("Komentar"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssignForm(forms.Form):
    members = forms.MultipleChoiceField(label=_("Anggota tim"), widget=forms.CheckboxSelectMultiple, required=False)
    course_id = forms.TypedChoiceField(label=_("Kursus"), coerce=int, empty_value=None, required=False)
    due_date = forms.DateField(label=_("Tenggat"), required=False, widget=DateInput())
    note = forms.CharField(label=_("Catatan (opsional)"), max_length=300, required=False)

    def __init__(self, *args, members, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [(m.nip, m.full_name) for m in members]
        self.fields["course_id"].choices = [("", _("— pilih kursus —"))] + [(c.pk, c.title) for c in courses]
