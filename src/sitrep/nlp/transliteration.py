"""Cyrillic names in Latin letters, as the English-language press spells them.

A Russian name that the gazetteer does not list is looked up again in Latin letters, and a
person's name becomes the English spelling the field uses ("Юнус-Бек Евкуров" ->
"Yunus-Bek Yevkurov"), so that the same person named in Russian and in English is one entity.
Several spellings are tried for lookup, since the field's dictionaries follow several systems
("Aleksandr"/"Alexander", "Yevgeny"/"Evgeniy").
"""
import re

LETTERS = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
           "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
           "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
           "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w"}
VOWELS = set("аеёиоуыэюяіїєъь")
# Endings the press simplifies: "Евгений" -> "Yevgeny", "Дмитрий" -> "Dmitry", "Юрий" -> "Yuri".
PRESS_ENDINGS = [("ий", "y"), ("ый", "y"), ("ей", "ei")]


def is_cyrillic(text: str) -> bool:
    """Whether the text has Cyrillic letters."""
    return any("\u0400" <= c <= "\u04ff" for c in text)


def latin(text: str) -> str:
    """The press spelling of a Cyrillic text ("Лукашенко" -> "Lukashenko", "Евгений" -> "Yevgeny")."""
    return re.sub(r"[\u0400-\u04ff]+", lambda m: _word(m.group(), press=True), text)


def spellings(text: str) -> list[str]:
    """The Latin spellings a dictionary may use for a Cyrillic name, the press spelling first."""
    found = [latin(text), re.sub(r"[\u0400-\u04ff]+", lambda m: _word(m.group(), press=False), text)]
    found.append(found[0].replace("Aleksandr", "Alexander").replace("Aleksei", "Alexei"))
    found.append(re.sub(r"\bYe", "E", found[0]))
    return list(dict.fromkeys(found))


def _word(word: str, press: bool) -> str:
    lower = word.lower()
    ending = ""
    if press:
        for cyrillic, replacement in PRESS_ENDINGS:
            if lower.endswith(cyrillic) and len(lower) > 3:
                lower, ending = lower[:-len(cyrillic)], replacement
                break
    out = []
    for k, letter in enumerate(lower):
        if letter == "е" and (k == 0 or lower[k - 1] in VOWELS):
            out.append("ye")  # at the start of a word or after a vowel: "Евкуров" -> "Yevkurov"
        else:
            out.append(LETTERS.get(letter, letter))
    result = "".join(out) + ending
    if word.isupper() and len(word) > 1:
        return result.upper()
    return result[:1].upper() + result[1:] if word[:1].isupper() else result
