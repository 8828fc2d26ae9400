"""The summary the student reads back: their answers in the second person, written out."""

from __future__ import annotations

from actions.summary import _said


def test_an_answer_of_two_sentences_reads_as_two_sentences_with_het_written_out():
    said = _said(
        "zaterdag was t heel druk en de chef schreeuwde tegen me. ik moest een saus opnieuw maken"
    )
    assert said == (
        "zaterdag was het heel druk en de chef schreeuwde tegen je. Je moest een saus opnieuw maken"
    )


def test_a_t_inside_a_word_is_left_alone():
    assert _said("ik heb het getest met t-shirts") == "je hebt het getest met t-shirts"
