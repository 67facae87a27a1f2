import pytest

from dateline.ingest.decode import decode
from dateline.ingest.document import IngestError


def test_decode_utf8_passes_through():
    assert decode("Київ, «це правда»".encode())[0] == "Київ, «це правда»"


@pytest.mark.parametrize("data, code", [(b"", "empty"), (b"  \n\t ", "empty"), (b"\x00\x01\x02PK\x03\x04" * 50, "binary")])
def test_decode_rejects_with_clear_code(data, code):
    with pytest.raises(IngestError) as info:
        decode(data)
    assert info.value.code == code


def test_decode_detects_windows_1251_and_says_so():
    text = "Російські війська обстріляли Харків уночі, повідомив голова обласної адміністрації. " * 5
    decoded, problems = decode(text.encode("cp1251"))
    assert decoded == text
    assert problems and problems[0].code == "encoding-detected"


def test_decode_utf16_with_bom():
    assert decode("Bakhmut holds".encode("utf-16"))[0] == "Bakhmut holds"
