"""Homophone typos, read by their pinyin.

Chinese is typed through pinyin: the usual typo is the right sound with the
wrong character (行政处发 for 行政处罚, 结专 for 结转, 海滩片区 for 海坛片区,
公安句 for 公安局). A run of characters in a question that sounds exactly like
a word we know (tones ignored), shares at least one character with it and is
not itself that word is read as that word. Nothing else is corrected: a
wrong sound is not a homophone typo and is left to the other readers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_HAN = re.compile(r"[\u4e00-\u9fff]")
# Everyday words a short run may overlap (存在什么: 在什 is not 在审); a run inside one is never a typo.
_COMMON = re.compile(r"什么|怎么|这么|那么|多么|为什么|哪些|哪个|哪里|多少|是否|还是|没有|已经|以及|或者|其中|我们|他们|"
                     r"可以|需要|情况|工作|问题|时候|现在|今年|去年|明年|前年|一下|一些|有些|那些|这些|之前|之后|以来|以后|"
                     r"变化|如何|怎样|为何|是不是|有没有|对不对|所有|全部|一共|总共|分别|各自|相关|有关|关于|对于|根据|按照")


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("tw2sp")


def simplified(text: str) -> str:
    """A question typed in traditional characters, in simplified ones with mainland wording (臨港開發區 → 临港开发区,
    政府資訊 → 政府信息); a question already in simplified characters is returned as it is."""
    if not _HAN.search(text):
        return text
    chars, phrases = _converters()
    return phrases.convert(text) if chars.convert(text) != text else text


@lru_cache(maxsize=20000)
def _sound(ch: str) -> str:
    """One character's pinyin without tone; the character itself when it is not Chinese."""
    if not _HAN.match(ch):
        return ch
    from pypinyin import Style, lazy_pinyin
    return lazy_pinyin(ch, style=Style.NORMAL)[0]


def sounds(text: str) -> tuple[str, ...]:
    return tuple(_sound(ch) for ch in text)


@dataclass
class Homophones:
    """The words a question may mean (metric words, body names), indexed by sound."""

    words: list[str]
    min_len: int = 2
    _by_sound: dict[tuple[str, ...], list[str]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self):
        for w in dict.fromkeys(self.words):
            if len(w) >= self.min_len and all(_HAN.match(ch) for ch in w):
                self._by_sound.setdefault(sounds(w), []).append(w)
        self._lengths = sorted({len(k) for k in self._by_sound}, reverse=True)

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """(text with homophone typos replaced, [(as typed, read as)]).

        Longest words first; a run inside a word the question already spells
        right is left alone, and a run sounding like several different words
        is ambiguous and left alone too.
        """
        text_sounds = sounds(text)
        exact = [(i, i + n) for n in self._lengths for i in range(len(text) - n + 1)
                 if text[i:i + n] in self._by_sound.get(text_sounds[i:i + n], ())]
        out, fixes, taken = list(text), [], [False] * len(text)
        common = [m.span() for m in _COMMON.finditer(text)]
        for n in self._lengths:
            for i in range(len(text) - n + 1):
                # a run overlapping a word spelt right is read as a typo only when it is the longer
                if any(a < i + n and i < b and b - a >= n for a, b in exact) or any(taken[i:i + n]):
                    continue
                window = text[i:i + n]
                # (nor a run beginning inside an everyday word: 变化了多少 is not 花了多少)
                if not _HAN.match(window[0]) or n <= 2 and any(a < i + n and i < b for a, b in common) or \
                        any(a < i < b for a, b in common):
                    continue
                words = self._by_sound.get(text_sounds[i:i + n], [])
                # a two-character word keeps its first character (处发 → 处罚; 发了 is not 罚了)
                close = [w for w in words if w != window and any(a == b for a, b in zip(w, window))
                         and (n > 2 or w[0] == window[0])]
                if len(set(close)) != 1:
                    continue
                out[i:i + n] = list(close[0])
                taken[i:i + n] = [True] * n
                fixes.append((window, close[0]))
        return "".join(out), fixes
