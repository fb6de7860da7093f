"""Quiz authoring blocks: a question with its choices, validated when the trainer saves."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .rules import ONE_ANSWER_KINDS, QuestionKind


class ChoiceBlock(blocks.StructBlock):
    """One answer option; its feedback is shown to the learner only after the attempt is submitted."""

    text = blocks.CharBlock(label=_("teks pilihan"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("jawaban benar"), required=False, default=False)
    feedback = blocks.TextBlock(
        label=_("umpan balik"),
        required=False,
        help_text=_("Ditampilkan setelah peserta mengirim jawaban."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Pilihan")


class QuestionBlock(blocks.StructBlock):
    """A quiz question. Its block id is the question's identity across revisions; each choice's item id likewise."""

    kind = blocks.ChoiceBlock(label=_("jenis soal"), choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    prompt = blocks.TextBlock(label=_("pertanyaan"))
    choices = blocks.ListBlock(
        ChoiceBlock(),
        label=_("pilihan jawaban"),
        min_num=2,
        help_text=_("Untuk soal Benar / Salah: dua pilihan, “Benar” dan “Salah”, satu ditandai benar."),
    )
    explanation = blocks.TextBlock(
        label=_("pembahasan"), required=False, help_text=_("Ditampilkan setelah peserta mengirim jawaban.")
    )

    class Meta:
        icon = "help"
        label = _("Soal")

    def clean(self, value):
        value = super().clean(value)
        kind = value.get("kind")
        choices = list(value.get("choices") or [])
        correct = sum(1 for c in choices if c.get("is_correct"))
        errors = []
        if correct == 0:
            errors.append(ValidationError(_("Tandai paling sedikit satu pilihan sebagai jawaban benar.")))
        if kind in ONE_ANSWER_KINDS and correct > 1:
            errors.append(
                ValidationError(_("Soal pilihan tunggal dan Benar / Salah harus punya tepat satu jawaban benar."))
            )
        if kind == QuestionKind.TRUEFALSE and len(choices) != 2:
            errors.append(ValidationError(_("Soal Benar / Salah harus punya tepat dua pilihan: Benar dan Salah.")))
        texts = [(c.get("text") or "").strip().casefold() for c in choices]
        if len(set(texts)) != len(texts):
            errors.append(ValidationError(_("Dua pilihan jawaban tidak boleh sama persis.")))
        if errors:
            raise StructBlockValidationError(
                block_errors={"choices": ListBlockValidationError(non_block_errors=errors)}
            )
        return value
