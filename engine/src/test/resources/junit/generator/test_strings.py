import pytest


def test_upper():
    assert "abc".upper() == "ABC"


def test_split():
    assert "a,b".split(",") == ["a", "b", "c"]


@pytest.mark.skip(reason="slow")
def test_slow():
    pass
