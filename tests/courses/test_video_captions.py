"""Video lessons carry captions (WebVTT, uploaded with the video) as well as the transcript."""

import pytest
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from courses.blocks import VideoBlock
from courses.models import LessonPage
from tests.factories import CoursePageFactory, LessonPageFactory, text_block
from tests.platform.test_documents import editor_client, stored_document, upload  # noqa: F401

pytestmark = pytest.mark.django_db

VTT = b"WEBVTT\n\n00:00.000 --> 00:04.000\nA survivor's declaration tells her story in her words.\n"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("captions.vtt", VTT, True),
        ("captions.vtt", b"\xef\xbb\xbf" + VTT, True),
        ("captions.vtt", b"1\n00:00:00,000 --> 00:00:04,000\nAn SRT file renamed\n", False),
        ("captions.vtt", b"WEBVTTX\n", False),
        ("captions.vtt", b"WEBVTT\n\n<script>alert(1)</script>\n", False),
    ],
)
def test_captions_upload_only_as_webvtt(editor_client, name, content, accepted):  # noqa: F811
    response = upload(editor_client, name, content)
    assert (response.status_code == 302) is accepted


def _video(**value) -> dict:
    block = VideoBlock()
    return block.to_python({"title": "Declarations", "transcript": "<p>Words.</p>", **value})


def test_a_self_hosted_video_needs_its_captions():
    video = stored_document("declarations.mp4", MP4)
    with pytest.raises(StructBlockValidationError) as error:
        VideoBlock().clean(_video(video_file=video.pk))
    assert "captions" in error.value.block_errors


def test_captions_must_be_a_vtt_document():
    video = stored_document("declarations.mp4", MP4)
    not_captions = stored_document("notes.txt", b"plain notes")
    with pytest.raises(StructBlockValidationError) as error:
        VideoBlock().clean(_video(video_file=video.pk, captions=not_captions.pk))
    assert "captions" in error.value.block_errors


def test_an_external_video_needs_no_uploaded_captions():
    VideoBlock().clean(_video(external_url="https://video.example/declarations"))


def test_the_lesson_plays_the_video_with_its_captions_track(client):
    video = stored_document("declarations.mp4", MP4)
    captions = stored_document("declarations.vtt", VTT)
    course = CoursePageFactory()
    lesson = LessonPageFactory(parent=course, body=[text_block("<p>Intro</p>")])
    lesson.body = StreamValue(
        lesson.body.stream_block,
        [
            (
                "video",
                _video(video_file=video.pk, captions=captions.pk, captions_language="es"),
            )
        ],
    )
    lesson.save_revision().publish()
    html = LessonPage.objects.get(pk=lesson.pk).body.render_as_block()
    assert f'<track kind="captions" src="{captions.url}" srclang="es"' in html
    assert "Transcript" in html

    served = client.get(captions.url)
    assert served.status_code == 200
    assert served["Content-Type"].startswith("text/vtt")
