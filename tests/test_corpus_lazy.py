"""A corpus loaded without texts (load_corpus(keep_texts=False), what `extract` does): the same
table and documents, each text read again from its file when it is needed."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from analysis.corpus import CorpusError, load_corpus
from tests.conftest import CORPUS


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    (folder / "export.jsonl").write_text(json.dumps(
        {"id": "j1", "text": "Talks resumed in Cairo on Monday."}) + "\n", encoding="utf-8")
    (folder / "copy.txt").write_text((CORPUS / sorted(p.name for p in CORPUS.glob("*.txt"))[0])
                                     .read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "copy.txt").write_text("Another article with the same id.",
                                             encoding="utf-8")
    return folder


def test_the_same_table_and_texts_without_holding_them(corpus):
    full = load_corpus(corpus)
    lazy = load_corpus(corpus, keep_texts=False)
    assert lazy.table.equals(full.table)
    assert [d.doc_id for d in lazy.documents] == [d.doc_id for d in full.documents]
    for kept, light in zip(full.documents, lazy.documents):
        assert light.text == ("Talks resumed in Cairo on Monday." if light.doc_id == "j1"
                              else "")  # an export's articles keep their texts
        assert lazy.text_of(light) == kept.text
        assert lazy.with_text(light) == kept
        assert lazy.keys[light.doc_id] == hashlib.sha256(kept.text.encode()).hexdigest()
    assert full.keys == {} and full.text_of(full.documents[0]) == full.documents[0].text


def test_a_file_changed_after_loading_is_an_error_not_a_wrong_result(corpus):
    lazy = load_corpus(corpus, keep_texts=False)
    document = lazy.documents[0]
    path = corpus / document.source_path
    path.write_text(path.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="changed while the corpus was being extracted"):
        lazy.text_of(document)


def test_the_corpus_war_start_is_the_date_rules_one():
    from analysis import corpus
    from analysis.rules import dates

    assert corpus.WAR_START == dates.WAR_START
