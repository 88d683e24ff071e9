from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_tools.documents import Document, content_hash, normalise, normalise_with_offsets


def test_normalise_collapses_space_and_blank_lines():
    raw = "  WASHINGTON \u2014  The\u00a0strikes\tcontinued.\r\n\r\n\r\n\r\nNext  paragraph.\n"
    assert normalise(raw) == "WASHINGTON \u2014 The strikes continued.\n\nNext paragraph."


def test_normalise_composes_unicode():
    decomposed = "Cafe\u0301 talks"
    assert normalise(decomposed) == "Caf\u00e9 talks"


def test_offsets_map_back_to_the_original():
    raw = "Header\r\n\r\n   \"We had  no warning,\" he said.\r\n"
    norm = normalise_with_offsets(raw)
    start = norm.text.index("no warning")
    assert raw[norm.origin[start] : norm.origin[start] + 2] == "no"
    raw_start = raw.index("no warning")
    assert norm.text[norm.to_normalised(raw_start) :].startswith("no warning")


def test_apostrophes_inside_words_are_straightened_and_quotes_kept():
    raw = "Chile didn\u2019t inform Peru\u2019s navy, the \u2018senior official\u2019 said."
    assert normalise(raw) == "Chile didn't inform Peru's navy, the \u2018senior official\u2019 said."
    norm = normalise_with_offsets(raw)
    assert norm.text == normalise(raw) and len(norm.text) == len(raw)  # one character for one: offsets hold


def test_invisible_characters_are_dropped():
    assert normalise("co\u200bordination\ufeff") == "coordination"


def test_content_hash_identifies_equal_texts():
    a = Document("a", normalise("Same  text.\n"))
    b = Document("b", normalise("Same text."))
    assert a.content_hash == b.content_hash == content_hash("Same text.")
    assert a.words == 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b c", " ", "\t", "\n", "\r\n", "\r", "\u200b", "\u00ad", "\ufeff", "\u00a0",
                                 "\u2028", "\x0b", "\x85", "e\u0301", "\u1100\u1161", "\n\n", " \u200b ", "\u2019", "n\u2019t"]), max_size=40))
def test_fast_normalise_is_the_offset_keeping_one(pieces):
    text = "".join(pieces)
    assert normalise(text) == normalise_with_offsets(text).text
