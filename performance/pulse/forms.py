from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from performance.models import OrgUnit
from portal import dates

from . import rules
from .models import Pulse

SCORE_ERRORS = {
    "required": _("Pilih satu jawaban untuk pernyataan ini."),
    "invalid_choice": _("Pilih salah satu jawaban dari 1 sampai 5."),
}


class PulseAnswerForm(forms.Form):
    """Five radio groups and the optional open answer; labels are the pulse's own statements."""

    def __init__(self, *args, pulse: Pulse, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(v), rules.SCALE_LABELS[v]) for v in rules.SCALE]
        for i, text in enumerate(pulse.statements, start=1):
            self.fields[f"score_{i}"] = forms.TypedChoiceField(
                label=text, choices=choices, coerce=int, widget=forms.RadioSelect, error_messages=SCORE_ERRORS
            )
        if pulse.open_question:
            self.fields["open_answer"] = forms.CharField(
                label=pulse.open_question,
                required=False,
                max_length=rules.OPEN_ANSWER_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Boleh dikosongkan. Paling panjang %(limit)d karakter.") % {"limit": rules.OPEN_ANSWER_MAX},
                error_messages={
                    "max_length": _(
                        "Jawaban terbuka paling panjang %(limit_value)d karakter (sekarang %(show_value)d)."
                    )
                },
            )

    @property
    def score_fields(self):
        return [self[f"score_{i}"] for i in range(1, rules.STATEMENT_COUNT + 1)]

    def scores(self) -> list[int]:
        return [self.cleaned_data[f"score_{i}"] for i in range(1, rules.STATEMENT_COUNT + 1)]


class PulseOpenForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=120)
    kind = forms.ChoiceField(label=_("Jenis"), choices=Pulse.Kind.choices, initial=Pulse.Kind.QUARTERLY)
    opens_on = forms.DateField(
        label=_("Dibuka pada"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    closes_on = forms.DateField(
        label=_("Ditutup pada"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Unit (termasuk subunitnya)"),
        queryset=OrgUnit.objects.order_by("code"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih paling sedikit satu unit.")},
    )
    statement_1 = forms.CharField(label=_("Pernyataan 1"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    statement_2 = forms.CharField(label=_("Pernyataan 2"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    statement_3 = forms.CharField(label=_("Pernyataan 3"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    statement_4 = forms.CharField(label=_("Pernyataan 4"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    statement_5 = forms.CharField(label=_("Pernyataan 5"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    open_question = forms.CharField(
        label=_("Pertanyaan terbuka"),
        max_length=300,
        required=False,
        help_text=_("Kosongkan bila tidak ada pertanyaan terbuka."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = dates.today()
        self.fields["opens_on"].initial = today
        for i, text in enumerate(rules.DEFAULT_STATEMENTS, start=1):
            self.fields[f"statement_{i}"].initial = text
        self.fields["open_question"].initial = rules.DEFAULT_OPEN_QUESTION
        year, quarter = today.year, dates.quarter_of(today)
        self.fields["title"].initial = _("Pulse kesiapan Triwulan %(q)s %(year)s") % {
            "q": "I II III IV".split()[quarter - 1],
            "year": year,
        }
        self.fields["closes_on"].initial = dates.quarter_bounds(year, quarter)[1]

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            raise ValidationError({"closes_on": _("Tanggal tutup tidak boleh sebelum tanggal buka.")})
        return data

    def statements(self) -> list[str]:
        return [self.cleaned_data[f"statement_{i}"] for i in range(1, rules.STATEMENT_COUNT + 1)]
