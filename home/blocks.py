"""StreamField blocks shared by every content app (news, contests, jobs...).

`BaseStreamBlock` is the body of an article-like page: what a communications
officer needs for a story, and nothing that would let them break the layout.
Each block renders with its own template in `home/templates/home/blocks/`.
"""

from django.apps import apps
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul", "blockquote"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/captioned_image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("images"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "home/blocks/gallery.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video address"), help_text=_("A YouTube or Facebook video link."))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video.html"


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("Defaults to the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "home/blocks/document_download.html"


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("caption"), help_text=_("Says what the table shows; screen readers announce it.")
    )
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(required=False)),
            ("number", blocks.DecimalBlock(required=False)),
            ("rich_text", blocks.RichTextBlock(features=["bold", "italic", "link"], required=False)),
        ],
        label=_("table"),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "home/blocks/table.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("message"), max_length=200)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action.html"

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks import StructBlockValidationError

        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter an address, not both."))}
            )
        return value


def contributed_body_blocks() -> list[tuple[str, blocks.Block]]:
    """Blocks that installed apps add to article bodies, in INSTALLED_APPS order.

    An app offers blocks by naming them on its AppConfig, e.g.
    `article_body_blocks = {"chart": "stats.blocks.ChartBlock"}`, so `home` and
    `news` never import it (DESIGN.md: no app imports `stats`). It has to be the
    AppConfig class and not `ready()`: models, and so this block, are built
    before any `ready()` runs, and app configs are the one thing loaded by then.
    """
    contributed = []
    for config in apps.get_app_configs():
        for name, path in getattr(config, "article_body_blocks", {}).items():
            contributed.append((name, import_string(path)()))
    return contributed


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="home/blocks/paragraph.html"
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentDownloadBlock()
    table = TableBlock()
    call_to_action = CallToActionBlock()

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*(local_blocks or []), *contributed_body_blocks()], **kwargs)
