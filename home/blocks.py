"""StreamField blocks shared by the published content: standards, articles, course modules."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (rendered as h2)."""

    class Meta:
        icon = "title"
        label = _("Judul bagian")
        template = "home/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with simple formatting."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraf")
        template = "home/blocks/paragraph.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with an optional caption, served as a rendition sized for a phone screen."""

    image = ImageChooserBlock(label=_("gambar"))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Gambar dengan keterangan")
        template = "home/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    """An embedded video (YouTube, Vimeo) with an optional caption."""

    video = EmbedBlock(label=_("alamat video"), help_text=_("Tautan YouTube atau Vimeo."))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    """A downloadable document with a short description."""

    document = DocumentChooserBlock(label=_("dokumen"))
    description = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Dokumen unduhan")
        template = "home/blocks/document.html"


class ExampleBlock(blocks.StructBlock):
    """A real example ("contoh nyata") from daily work, set apart from the text."""

    title = blocks.CharBlock(label=_("judul"), max_length=150)
    text = blocks.RichTextBlock(label=_("isi"), features=RICH_FEATURES)

    class Meta:
        icon = "openquote"
        label = _("Contoh nyata")
        template = "home/blocks/example.html"


class TakeawaysBlock(blocks.StructBlock):
    """The few points a reader should remember."""

    title = blocks.CharBlock(label=_("judul"), default=_("Poin penting"), max_length=150)
    points = blocks.ListBlock(blocks.CharBlock(label=_("poin"), max_length=300), label=_("poin-poin"))

    class Meta:
        icon = "list-ul"
        label = _("Poin penting")
        template = "home/blocks/takeaways.html"


class ReflectionBlock(blocks.StructBlock):
    """A question the reader answers for themselves (not recorded)."""

    prompt = blocks.TextBlock(label=_("pertanyaan refleksi"))

    class Meta:
        icon = "help"
        label = _("Refleksi")
        template = "home/blocks/reflection.html"


class QuestionAnswerBlock(blocks.StructBlock):
    """One question and its answer, for 'tanya-jawab' articles."""

    question = blocks.CharBlock(label=_("pertanyaan"), max_length=300)
    answer = blocks.RichTextBlock(label=_("jawaban"), features=RICH_FEATURES)

    class Meta:
        icon = "help"
        label = _("Tanya-jawab")
        template = "home/blocks/qa.html"


def content_blocks() -> list:
    """The blocks of a learning or reading body, in the order the editor offers them."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock()),
        ("image", CaptionedImageBlock()),
        ("video", VideoBlock()),
        ("document", DocumentBlock()),
        ("example", ExampleBlock()),
        ("takeaways", TakeawaysBlock()),
        ("reflection", ReflectionBlock()),
    ]


def article_blocks() -> list:
    return content_blocks() + [("qa", QuestionAnswerBlock())]
