"""Attributed statements in Russian reporting, on sentences written for these tests; the same
rules as in English (`attribution.py`), with the Russian part of the attribution lexicon."""
from sitrep.pipeline import process
from sitrep.schema import Input


def run(text, published="2024-03-08"):
    doc = process(Input(origin="test.txt", text=text, title="Сводка", published=published, language="ru"))
    names = {e.id: e.name for e in doc.entities}
    return doc, names


def only(doc, content_start):
    found = [s for s in doc.statements if s.content.startswith(content_start)]
    assert len(found) == 1, [s.content for s in doc.statements]
    return found[0]


def test_reported_speech_with_a_clause():
    doc, names = run("Пресс-секретарь Кремля Дмитрий Песков заявил, что Москва не получала предложений от Киева.\n"
                     "Глава МИД Литвы Габриэлюс Ландсбергис считает, что санкции против Белоруссии нужно ужесточить.")
    first = only(doc, "Москва не получала")
    assert (first.kind, first.cue, names[first.source], first.polarity) == ("reported", "заявил", "Dmitry Peskov", "negative")
    assert first.content == "Москва не получала предложений от Киева"
    second = only(doc, "санкции против")
    assert names[second.source] == "Gabrielyus Landsbergis" and second.cue == "считает"


def test_according_to_phrases_name_the_source():
    doc, names = run("По словам губернатора Вячеслава Гладкова, ночью беспилотник атаковал нефтебазу.\n"
                     "По данным Минобороны России, силы ПВО сбили три ракеты над Белгородом.")
    first = only(doc, "ночью беспилотник")
    assert (first.cue, names[first.source]) == ("По словам", "Vyacheslav Gladkov")
    second = only(doc, "силы ПВО сбили")
    assert names[second.source] == "Ministry of Defence of the Russian Federation"


def test_as_someone_believes_and_a_cue_after_the_clause():
    doc, names = run("Как считает Путин, Запад не готов к переговорам.\n"
                     "Россия за неделю сбила пять беспилотников, также заявил Шойгу.")
    assert names[only(doc, "Запад не готов").source] == "Vladimir Putin"
    after = only(doc, "Россия за неделю")
    assert names[after.source] == "Sergei Shoigu" and after.content.endswith("беспилотников")


def test_quotations_with_the_dash_of_russian_typography():
    doc, names = run("«Мы не будем отступать», — сказал Зеленский журналистам.\n"
                     "„Переговоры продолжатся на следующей неделе“, — добавил он.")
    first, second = only(doc, "Мы не будем"), only(doc, "Переговоры продолжатся")
    assert (first.kind, first.cue, names[first.source]) == ("quote", "сказал", "Volodymyr Zelenskyy")
    assert (second.cue, second.source) == ("добавил", first.source)


def test_a_pronoun_in_by_his_words_is_the_subject_before_not_the_nearest_name():
    doc, names = run("Лукашенко рассказал о переговорах с Пригожиным. По его словам, разговор длился полчаса.")
    assert names[only(doc, "разговор длился").source] == "Alexander Lukashenko"


def test_a_statement_inside_another_has_the_reporter_as_via():
    doc, names = run("По словам Лукашенко, Путин сказал ему, что Пригожин отказался от переговоров.\n"
                     "Минобороны России сообщило, что войска отразили атаку, передает ТАСС.")
    putin = only(doc, "Пригожин отказался")
    assert names[putin.source] == "Vladimir Putin" and [names[v] for v in putin.via] == ["Alexander Lukashenko"]
    ministry = only(doc, "войска отразили")
    assert names[ministry.source] == "Ministry of Defence of the Russian Federation" and len(ministry.via) == 1


def test_citing_names_the_source_and_the_reporter_relays_it():
    doc, names = run("Агентство Reuters со ссылкой на источники в правительстве сообщило, что Минск готовит учения.")
    statement = only(doc, "Минск готовит")
    assert statement.source is None and [names[v] for v in statement.via] == ["Reuters"]


def test_an_impersonal_report_goes_on_with_the_speaker_before():
    doc, names = run("Минобороны России сообщило, что войска заняли село.\n\n"
                     "Отмечается, что противник потерял до двухсот военных.")
    assert names[only(doc, "противник потерял").source] == "Ministry of Defence of the Russian Federation"


def test_not_statements():
    doc, _ = run("Если бы Лукашенко заявил о мобилизации, это вызвало бы панику.\n"
                 "Шойгу не заявлял, что армия готова к наступлению.\n"
                 "Мы считаем, что это важное решение.\n"
                 "Бойцы ЧВК «Вагнер» заявили о выходе из Бахмута.")
    assert [s.content for s in doc.statements] == []


def test_estimative_words_map_to_icd_203():
    doc, _ = run("Аналитики считают, что Россия, вероятно, продолжит наступление.\n"
                 "Эксперты полагают, что удар почти наверняка был нанесен ракетой.\n"
                 "Источник заявил, что маловероятно, чтобы переговоры возобновились.\n"
                 "Журналисты допускают, что это могут быть палатки.\n"
                 "Военные предполагают, что колонна скорее всего направилась к границе.")
    levels = {s.content.split()[0].rstrip(","): s.confidence for s in doc.statements}
    assert levels == {"Россия": "likely", "удар": "almost_certain", "маловероятно": "unlikely", "это": "possible",
                      "колонна": "likely"}


def test_words_that_estimate_nothing():
    doc, _ = run("Источник сообщил, что в лагере якобы находятся боевики.\n"
                 "Полиция заявила, что не может подтвердить данные о взрыве.\n"
                 "Военные сообщили, что предположительно это была учебная тревога.")
    assert [s.confidence for s in doc.statements] == [None, None, None]


def test_about_this_attributes_the_sentence_before_in_the_paragraph():
    doc, names = run("Ночью беспилотники атаковали нефтебазу в Брянской области. Об этом сообщил губернатор "
                     "Александр Богомаз.\n\nОб этом пишет издание «Медуза».")
    statement = only(doc, "Ночью беспилотники")
    assert names[statement.source] == "Aleksandr Bogomaz" and statement.cue == "сообщил"
    assert len(doc.statements) == 1  # the next paragraph's "об этом" points to nothing it can reach


def test_a_body_speaks_where_it_is_said_in():
    doc, names = run("В Кремле заявили, что не видят оснований для переговоров.\n"
                     "В Москве заявили, что ответят на высылку дипломатов.")
    assert names[only(doc, "не видят").source] == "Kremlin"
    assert not any(s.content.startswith("ответят") and s.source for s in doc.statements)  # a city says nothing


def test_as_reported_by_a_body_s_press_service():
    doc, names = run("Как сообщили в пресс-службе Министерства обороны России, ночью над регионом сбиты пять беспилотников.")
    assert names[only(doc, "ночью над регионом").source] == "Ministry of Defence of the Russian Federation"


def test_the_journalists_after_an_outlet_published_are_that_outlets():
    doc, names = run("Белорусская служба «Радио Свобода» опубликовала спутниковые снимки лагеря.\n\n"
                     "Там появились площадки: это могут быть палатки или техника, допускают журналисты.")
    assert names[only(doc, "это могут быть").source] == "Radio Free Europe/Radio Liberty"


def test_what_happened_next_after_a_reported_clause_is_the_narrators():
    doc, _ = run("По словам Александра Лукашенко, Владимир Путин сказал ему, что повстанцы ни с кем не хотят "
                 "говорить, после чего белорусский президент попробовал связаться с ними сам.")
    assert only(doc, "повстанцы").content == "повстанцы ни с кем не хотят говорить"


def test_no_ones_belief_is_not_a_statement():
    doc, _ = run("Никто не верит, что перемирие продержится до зимы.")
    assert doc.statements == []


def test_analysts_of_an_organisation_are_a_mention_of_it():
    doc, names = run("Институт изучения войны (ISW) опубликовал новый доклад.\n"
                     "Аналитики ISW отмечают, что российская армия, вероятно, продолжит наступление.")
    said = only(doc, "российская армия")
    assert names[said.source] == "Institute for the Study of War"
    entity = next(e for e in doc.entities if e.id == said.source)
    assert "Аналитики ISW" in [m.text for m in entity.mentions]
