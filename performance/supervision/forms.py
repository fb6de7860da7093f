from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from home.selectors import core_value_choices

from .models import AgreedAction
from .services import DialogueInput, FollowUp, MeetingInput

ROWS = 3


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _text(label, required=False, rows=3):
    return forms.CharField(label=label, required=required, max_length=2000, widget=forms.Textarea(attrs={"rows": rows}))


class DialogueForm(forms.Form):
    held_on = forms.DateField(label=_("Tanggal dialog"), required=False, widget=DateInput())
    topics = _text(_("Topik yang dibahas"))
    went_well = _text(_("Yang sudah baik"))
    to_improve = _text(_("Yang perlu ditingkatkan"))
    next_date = forms.DateField(label=_("Dialog berikutnya (opsional)"), required=False, widget=DateInput())
    closed = forms.MultipleChoiceField(
        label=_("Tindak lanjut sebelumnya yang sudah selesai"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, open_actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closed"].choices = [(str(a.pk), a.description) for a in open_actions]
        owners = [("", "—")] + list(AgreedAction.Owner.choices)
        for i in range(1, ROWS + 1):
            self.fields[f"a{i}_description"] = forms.CharField(
                label=_("Tindak lanjut %(n)s") % {"n": i}, max_length=300, required=False
            )
            self.fields[f"a{i}_owner"] = forms.ChoiceField(label=_("Penanggung jawab"), choices=owners, required=False)
            self.fields[f"a{i}_due"] = forms.DateField(label=_("Tenggat"), required=False, widget=DateInput())

    def action_rows(self):
        return [(self[f"a{i}_description"], self[f"a{i}_owner"], self[f"a{i}_due"]) for i in range(1, ROWS + 1)]

    def to_input(self) -> DialogueInput:
        d = self.cleaned_data
        return DialogueInput(
            held_on=d["held_on"],
            topics=d["topics"],
            went_well=d["went_well"],
            to_improve=d["to_improve"],
            next_date=d["next_date"],
            actions=[
                FollowUp(description=d[f"a{i}_description"], owner=d[f"a{i}_owner"], due_date=d[f"a{i}_due"])
                for i in range(1, ROWS + 1)
            ],
            closed_action_ids=[int(x) for x in d["closed"]],
        )


class ResponseForm(forms.Form):
    response = _text(_("Tanggapan Anda"))


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Tanggal pertemuan"), required=False, widget=DateInput())
    attendees = forms.MultipleChoiceField(
        label=_("Peserta yang hadir"), required=False, widget=forms.CheckboxSelectMultiple
    )
    agenda = _text(_("Agenda"))
    achievements = _text(_("Capaian"))
    problems = _text(_("Masalah"))
    closed = forms.MultipleChoiceField(
        label=_("Keputusan sebelumnya yang sudah selesai"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, team=(), open_decisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].choices = [(e.nip, e.full_name) for e in team]
        self.fields["closed"].choices = [(str(d.pk), d.description) for d in open_decisions]
        owners = [("", "—")] + [(e.nip, e.full_name) for e in team]
        for i in range(1, ROWS + 1):
            self.fields[f"d{i}_description"] = forms.CharField(
                label=_("Keputusan %(n)s") % {"n": i}, max_length=300, required=False
            )
            self.fields[f"d{i}_owner"] = forms.ChoiceField(label=_("Penanggung jawab"), choices=owners, required=False)
            self.fields[f"d{i}_due"] = forms.DateField(label=_("Tenggat"), required=False, widget=DateInput())

    def decision_rows(self):
        return [(self[f"d{i}_description"], self[f"d{i}_owner"], self[f"d{i}_due"]) for i in range(1, ROWS + 1)]

    def to_input(self) -> MeetingInput:
        d = self.cleaned_data
        return MeetingInput(
            held_on=d["held_on"],
            agenda=d["agenda"],
            achievements=d["achievements"],
            problems=d["problems"],
            attendee_nips=list(d["attendees"]),
            decisions=[
                FollowUp(description=d[f"d{i}_description"], owner=d[f"d{i}_owner"], due_date=d[f"d{i}_due"])
                for i in range(1, ROWS + 1)
            ],
            closed_decision_ids=[int(x) for x in d["closed"]],
        )


class AppreciationForm(forms.Form):
    value_code = forms.ChoiceField(
        label=_("Nilai BerAKHLAK yang ditunjukkan"), choices=lambda: [("", "—"), *core_value_choices()], required=False
    )
    message = forms.CharField(
        label=_("Apresiasi"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    show_on_team = forms.BooleanField(label=_("Tampilkan juga di halaman tim"), required=False)


class ObjectionForm(forms.Form):
    reason = _text(_("Alasan keberatan"))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[("uphold", _("Pertahankan penilaian")), ("correction", _("Minta pejabat penilai mengoreksi"))],
        widget=forms.RadioSelect,
    )
    note = _text(_("Pertimbangan"))
