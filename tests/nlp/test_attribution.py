"""Attributed statements on short reports written for these tests."""
import pytest

from sitrep.pipeline import process
from sitrep.schema import Input


def run(text, published="2024-03-08"):
    doc = process(Input(origin="test.txt", text=text, title="Test report", published=published))
    names = {e.id: e.name for e in doc.entities}
    return doc, names


def only(doc, content_start):
    found = [s for s in doc.statements if s.content.startswith(content_start)]
    assert len(found) == 1, [s.content for s in doc.statements]
    return found[0]


def test_quote_with_the_source_after_and_a_continuation_paragraph():
    doc, names = run(
        'Analysts at the Royal United Services Institute (RUSI) published a study of Russian shell production on Thursday.\n\n'
        '"Russian plants are likely not able to double their output before next year," the analysts argue.\n\n'
        '"Moscow may turn to North Korea for the rest."')
    first = only(doc, "Russian plants")
    assert (first.kind, first.cue, names[first.source]) == ("quote", "argue", "Royal United Services Institute")
    assert (first.confidence, first.polarity, first.hedges) == ("likely", "negative", ["likely"])
    assert first.content == doc.text[first.start:first.end]
    rest = only(doc, "Moscow may turn")
    assert (rest.cue, rest.source, rest.confidence) == ("", first.source, "possible")


def test_quote_with_the_source_before_and_split_around_the_cue():
    doc, names = run('Regional governor Oleh Kiper said: "The port will reopen within days."\n\n'
                     '"We have cleared the debris," he said, "and the cranes are working again."')
    before = only(doc, "The port will reopen")
    assert names[before.source] == "Oleh Kiper" and before.cue == "said"
    first_part, second_part = only(doc, "We have cleared"), only(doc, "and the cranes")
    assert names[first_part.source] == names[second_part.source] == "Oleh Kiper"


def test_quotation_running_over_paragraphs_gives_one_statement_per_paragraph():
    doc, names = run('Governor Vitaliy Kim described the night on television: "Three drones hit the grain terminal.\n\n'
                     '"Two more fell in a field, and nobody was hurt.\n\n'
                     '"The fire is out."')
    parts = [s for s in doc.statements if s.kind == "quote"]
    assert [p.content for p in parts] == ["Three drones hit the grain terminal", "Two more fell in a field, and nobody was hurt",
                                          "The fire is out"]
    assert parts[0].cue == "described" or parts[0].cue == ""  # the cue, when the parse finds one
    assert len({p.source for p in parts}) == 1 and names[parts[0].source] == "Vitaliy Kim"
    assert [p.cue for p in parts[1:]] == ["", ""]


@pytest.mark.parametrize("sentence, cue", [
    ("Finnish President Alexander Stubb said that the border would stay closed.", "said"),
    ("Finnish President Alexander Stubb confirmed that the border would stay closed.", "confirmed"),
    ("Finnish President Alexander Stubb warned that the border would stay closed.", "warned"),
    ("Finnish President Alexander Stubb believes that the border will stay closed.", "believes"),
    ("Finnish President Alexander Stubb told reporters that the border would stay closed.", "told"),
    ("Finnish President Alexander Stubb pointed out that the border would stay closed.", "pointed out"),
])
def test_reported_speech_and_cognition(sentence, cue):
    doc, names = run(sentence)
    statement = only(doc, "the border")
    assert (statement.kind, statement.cue, names[statement.source]) == ("reported", cue, "Alexander Stubb")


def test_denial_is_negative():
    doc, names = run("Russia's defence ministry denied targeting civilian sites in Odesa.")
    statement = only(doc, "targeting civilian sites")
    assert statement.polarity == "negative" and statement.cue == "denied"


def test_according_to_and_readiness():
    doc, names = run("According to Lithuanian intelligence, Russia is very likely to expand its garrison in Kaliningrad. "
                     "Lithuanian Defence Minister Laurynas Kasciunas expressed readiness to host more German troops.")
    garrison = only(doc, "Russia is very likely")
    assert garrison.cue == "According to" and garrison.confidence == "very_likely"
    ready = only(doc, "to host more German troops")
    assert ready.cue == "expressed readiness" and names[ready.source] == "Laurynas Kasciunas"


def test_nested_report_names_the_reporter_in_via():
    doc, names = run("The Institute for the Study of War (ISW) points out that Lukashenko said that Belarus "
                     "would build drones for Russia.", published="2023-02-18")
    inner = only(doc, "Belarus would build drones")
    assert names[inner.source] == "Alexander Lukashenko"
    assert [names[v] for v in inner.via] == ["Institute for the Study of War"]


def test_pronoun_and_spokesperson_sources_and_the_date_of_the_speech():
    doc, names = run("Kremlin spokesman Dmitry Peskov spoke to reporters on Tuesday. He said that talks with Kyiv were "
                     "almost certainly off the table. A Kremlin spokesperson later claimed that the strike was an accident.",
                     published="2024-03-08")
    talks = only(doc, "talks with Kyiv")
    assert names[talks.source] == "Dmitry Peskov" and talks.confidence == "almost_certain"
    assert talks.date == "2024-03-05"
    strike = only(doc, "the strike was an accident")
    assert names[strike.source] == "Kremlin"


@pytest.mark.parametrize("text", [
    "If Lukashenko had said that Belarus would join the war, Minsk would have faced sanctions.",
    "Lukashenko did not say that Belarus would join the war.",
    'The ministry called the operation a "success" and published a map of the front.',
    'Reporters watched the film "Twenty Days in Mariupol" at the festival in Berlin.',
])
def test_not_statements(text):
    doc, _ = run(text)
    assert doc.statements == []


@pytest.mark.parametrize("hedge, confidence", [
    ("almost certainly", "almost_certain"), ("very likely", "very_likely"), ("probably", "likely"),
    ("roughly even chance that it", "even"), ("very unlikely to", "very_unlikely"), ("might", "possible"),
])
def test_estimative_language(hedge, confidence):
    doc, _ = run(f"NATO officials believe that Russia {hedge} will move the brigade in May.")
    statement = only(doc, "Russia")
    assert statement.confidence == confidence
    assert statement.hedges  # "May" the month is never a hedge
    assert "May" not in statement.hedges


def test_a_second_quotation_in_the_paragraph_keeps_its_speaker_and_the_next_paragraph_is_not_its_cue():
    doc, names = run('"The enemy hit the port again," air force spokesperson Yuriy Ihnat said on television. '
                     '"Mobile fire groups worked through the night."\n\n'
                     'Regional governor Oleh Kiper said two port workers were injured.')
    second = only(doc, "Mobile fire groups")
    assert names[second.source] == "Yuriy Ihnat" and second.cue == ""


def test_nationality_officials_speak_for_their_country_and_a_split_clause_stays_whole():
    doc, names = run("Moldova summoned the Russian envoy. Moldovan officials have previously said that drones launched "
                     "at Ukrainian ports on the Danube regularly stray into Moldovan airspace, and the country has asked "
                     "for radar help.")
    statement = only(doc, "drones launched")
    assert statement.content.endswith("regularly stray into Moldovan airspace")
    assert names[statement.source] == "Moldova"


def test_every_source_and_reporter_is_an_entity_of_the_record():
    import sitrep
    from conftest import EXAMPLES

    records = list(sitrep.extract([str(EXAMPLES)]))
    assert sum(len(r["statements"]) for r in records) >= 15
    for record in records:
        ids = {e["id"] for e in record["entities"]}
        for statement in record["statements"]:
            assert statement["source"] is None or statement["source"] in ids, statement
            assert set(statement["via"]) <= ids, statement
            assert record["text"][statement["start"]:statement["end"]] == statement["content"]


def test_according_to_keeps_the_clause_subject_and_no_trailing_break():
    doc, names = run("According to ISW, Lukashenko, by making such small concessions, is likely paying the price "
                     "for his refusal to send troops.\n\nThe talks ended on Friday.")
    statement = only(doc, "Lukashenko, by making")
    assert statement.content.endswith("refusal to send troops")
    assert statement.confidence == "likely" and names[statement.source] == "Institute for the Study of War"


def test_according_to_in_the_middle_of_a_clause():
    doc, names = run("Rebel commander Yusuf Bello announced a retreat after, according to him, the army shelled "
                     "a village near the river.")
    statement = only(doc, "the army shelled")
    assert names[statement.source] == "Yusuf Bello" and statement.cue == "according to"


def test_an_owners_assessment_is_their_statement():
    doc, names = run("The Institute for the Study of War published a map. ISW's assessment is that Russia will probably "
                     "keep attacking the town.")
    statement = only(doc, "Russia will probably keep")
    assert statement.cue == "assessment is" and names[statement.source] == "Institute for the Study of War"
    assert statement.confidence == "likely"


def test_a_quotation_over_paragraphs_takes_the_cue_after_its_last_paragraph():
    doc, names = run("Colonel Petro Hrytsenko commands the brigade's artillery near Kupiansk.\n\n"
                     "“Our units held the village through the night. The enemy lost two tanks.\n\n"
                     "By morning they had pulled back to the forest. Now they are regrouping,” Hrytsenko explained.")
    first, last = only(doc, "Our units held"), only(doc, "By morning")
    assert names[first.source] == names[last.source] == "Petro Hrytsenko"
    assert (first.cue, last.cue) == ("", "explained")


@pytest.mark.parametrize("mark_open, mark_close", [("“", "”"), ("‘", "’"), ("''", "''"), ("„", "“"), ("«", "»")])
def test_quotations_in_every_house_style_take_their_cue(mark_open, mark_close):
    doc, names = run(f"{mark_open}The ceasefire will not hold past the weekend,{mark_close} "
                     "Foreign Minister Radoslaw Sikorski told reporters in Warsaw.")
    said = only(doc, "The ceasefire will not hold")
    assert (names[said.source], said.cue, said.polarity) == ("Radoslaw Sikorski", "told", "negative")


def test_a_partial_quotation_inside_reported_speech_is_one_statement_of_the_whole_clause():
    doc, names = run("Moldovan Prime Minister Dorin Recean said the new talks with Tiraspol were "
                     "“a waste of everyone's time”.")
    assert len(doc.statements) == 1
    said = doc.statements[0]
    assert said.content == "the new talks with Tiraspol were “a waste of everyone's time”"
    assert names[said.source] == "Dorin Recean"


def test_a_quotation_that_fills_the_reported_clause_stands_for_it():
    doc, names = run('Moldovan Prime Minister Dorin Recean said: "The talks with Tiraspol are over."')
    assert [(s.kind, s.content) for s in doc.statements] == [("quote", "The talks with Tiraspol are over")]


def test_a_month_said_of_the_speech_act_dates_the_statement():
    doc, names = run("Belarusian leader Alexander Lukashenka said in February that Minsk was ready to assemble drones.",
                     published="2024-03-08")
    assert only(doc, "Minsk was ready").date == "2024-02"


def test_citing_names_the_source_and_the_reporter_becomes_via():
    doc, names = run("A cargo ship was damaged by a projectile off Hodeidah, Reuters reported citing the UK Maritime "
                     "Trade Operations agency.\n\n"
                     "The bridge was closed on Monday, according to the Kyiv Independent, citing regional governor "
                     "Oleh Syniehubov.")
    ship = only(doc, "A cargo ship was damaged")
    assert "Reuters" not in (names.get(ship.source) or "") and [names[v] for v in ship.via] == ["Reuters"]
    bridge = only(doc, "The bridge was closed")
    assert (names[bridge.source], [names[v] for v in bridge.via]) == ("Oleh Syniehubov", ["Kyiv Independent"])
    assert bridge.content == "The bridge was closed on Monday"


def test_a_sentence_final_according_to_covers_every_clause_before_it():
    doc, names = run("The power plant was hit twice, and repairs will take weeks, according to Ukrenergo.")
    said = only(doc, "The power plant")
    assert said.content == "The power plant was hit twice, and repairs will take weeks"
    assert names[said.source] == "Ukrenergo"


@pytest.mark.parametrize("sentence, content", [
    ("It was reported that the convoy had crossed the border.", "the convoy had crossed the border"),
    ("The general is believed to have left the city.", "The general is believed to have left the city"),
])
def test_passive_cues_have_no_source_and_the_passive_subject_never_speaks(sentence, content):
    doc, names = run("The Russian defence ministry said nothing on Monday.\n\n" + sentence)
    said = only(doc, content.split()[0] + " " + content.split()[1])
    assert said.content == content and said.source is None


def test_a_passive_cue_with_a_by_agent_has_that_source():
    doc, names = run("The general is said by the Ukrainian General Staff to have left the city.")
    said = only(doc, "The general")
    assert said.source_text == "the Ukrainian General Staff" and "General Staff" in names[said.source]


@pytest.mark.parametrize("sentence", [
    "The defence minister backed a plan that officials said would fail.",
    "What the ministry says proves nothing about the strike.",
    "The documents, which the agency said were forged, appeared in March.",
])
def test_a_cue_inside_a_relative_clause_is_not_a_statement(sentence):
    doc, names = run(sentence)
    assert doc.statements == []


@pytest.mark.parametrize("sentence, cue, content", [
    ("The Pentagon stood by its estimate that Russia had lost 300,000 troops.", "stood by its estimate",
     "Russia had lost 300,000 troops"),
    ("US officials agree that Tehran is still weighing its options.", "agree", "Tehran is still weighing its options"),
    ("The inspectors found that the site had been used for enrichment.", "found", "the site had been used for enrichment"),
    ("The central bank signalled that rates would stay high.", "signalled", "rates would stay high"),
])
def test_a_larger_lexicon_of_cue_verbs_and_nouns(sentence, cue, content):
    doc, names = run(sentence)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]


@pytest.mark.parametrize("sentence", [
    "Police found the body of the missing soldier near the river.",
    "The central bank signalled a pause.",
    "The ministry issued a statement that was ignored by the press.",
])
def test_cue_words_without_a_clause_are_not_statements(sentence):
    assert run(sentence)[0].statements == []


def test_a_quotation_governed_by_a_cue_further_away():
    doc, names = run('UN Secretary General Antonio Guterres urged all sides to "try to calm the tension" around the plant.\n\n'
                     'Netflix released a teaser of its new drama "Operation Northern Wind" on Friday.')
    assert [(s.content, names[s.source]) for s in doc.statements] == [("try to calm the tension", "Antonio Guterres")]


def test_a_scare_quote_modifying_a_noun_is_not_governed_by_the_cue():
    doc, names = run('Kim Jong Un sent greetings to Moscow, predicting victory in its "sacred and righteous fight" with the West.')
    assert not [s for s in doc.statements if s.content == "sacred and righteous fight"]


@pytest.mark.parametrize("sentence, content", [
    ("The ministry said the strike hit a fuel depot, a move that analysts had expected for weeks.",
     "the strike hit a fuel depot"),
    ("The army said it had retaken the village, proving earlier warnings right.", "it had retaken the village"),
    ("The minister said the border would stay closed until spring, triggering criticism from exporters.",
     "the border would stay closed until spring"),
    ("The governor said troops shelled the village overnight, killing three civilians.",
     "troops shelled the village overnight, killing three civilians"),
    ("The mayor said the city had a new ally, a country that had always helped it.",
     "the city had a new ally, a country that had always helped it"),
])
def test_the_content_stops_before_the_narrators_trailing_comment(sentence, content):
    doc, names = run(sentence)
    assert [s.content for s in doc.statements] == [content]


def test_a_clause_before_the_cue_across_a_semicolon_is_not_its_content():
    doc, names = run("A Somali army officer put the number of dead at 12; al-Shabaab said 19 were killed.")
    assert [s.content for s in doc.statements] == ["19 were killed"]


def test_a_coordinated_clause_with_an_expletive_subject_goes_on_with_what_was_said():
    doc, names = run("Analyst Ruslan Mykula noted that forecasts are hard, but there has been a rise in the number "
                     "of soldiers surrendering.\n\nThe minister said that the bridge was closed, and officials "
                     "expected it to reopen on Monday.")
    assert only(doc, "forecasts are hard").content.endswith("soldiers surrendering")
    assert only(doc, "the bridge was closed").content == "the bridge was closed"


@pytest.mark.parametrize("sentence, content, source", [
    ('EU foreign policy chief Kaja Kallas described Putin as "only pretending to negotiate" on Tuesday.',
     "only pretending to negotiate", "Kaja Kallas"),
    ('Opposition leader Svetlana Tsikhanouskaya called the vote "a farce staged by the regime".',
     "a farce staged by the regime", "Svetlana Tsikhanouskaya"),
])
def test_a_quotation_a_characterising_verb_governs_is_its_subjects(sentence, content, source):
    doc, names = run(sentence)
    said = only(doc, content)
    assert names[said.source] == source


def test_a_quotation_in_a_name_is_not_a_statement():
    doc, names = run('Mayor Ihor Terekhov visited the "Heroes of the Defence" memorial on Sunday.')
    assert doc.statements == []


def test_a_cue_after_a_speaker_with_a_long_description():
    doc, names = run("“It is a sham election. It is not inclusive,” Mi Lin, a women’s activist working with the "
                     "Mon minority, told CNN.")
    assert names[only(doc, "It is a sham election").source] == "Mi Lin"


def test_the_subject_of_a_cue_is_never_a_word_of_its_quotation():
    doc, names = run("“If one case is revenge, are all the others lawful?” Prime Minister Sharma asked.")
    said = only(doc, "If one case")
    assert said.cue == "asked" and names[said.source] == "Sharma"


@pytest.mark.parametrize("sentence", [
    "I believe the ceasefire will collapse within a month.",
    "As we reported last week, we think the ceasefire will collapse.",
    "Minister Petro Kotin is expected to visit the plant on Monday.",
    "Residents were told to boil their drinking water.",
    "Find this comment offensive? Click on the Report button. This will alert our moderators.",
])
def test_the_writers_own_voice_schedules_and_orders_are_not_statements(sentence):
    doc, names = run(sentence)
    assert doc.statements == []


def test_a_quotation_standing_as_a_sentence_continues_the_latest_speaker():
    doc, names = run("The deal will not hurt farmers, said Prime Minister Narendra Modi last week. “I know I will pay a "
                     "heavy price for it, but I am ready.” The opposition disagreed.\n\n"
                     "The film “The Last Night in Odesa” opens on Friday.")
    assert names[only(doc, "The deal will not").source] == "Narendra Modi"
    assert names[only(doc, "I know I will pay").source] == "Narendra Modi"
    assert not [s for s in doc.statements if "Odesa" in s.content]


def test_the_continuation_of_an_unnamed_speaker_is_kept_with_no_source():
    doc, names = run("“We hid in the cellar until morning,” one woman said. “Nobody came to help us for hours.”")
    later = only(doc, "Nobody came")
    assert later.source is None and later.polarity == "negative"


def test_a_cue_ending_a_paragraph_with_a_colon_hands_on_the_next_quotation():
    doc, names = run("The report of the Royal United Services Institute, seen by Reuters, said:\n\n"
                     "\"Russia is unlikely to run out of shells before 2026.\n\n"
                     "\"Its factories work in three shifts.\"")
    first, second = only(doc, "Russia is unlikely"), only(doc, "Its factories")
    assert names[first.source] == names[second.source] == "Royal United Services Institute"


def test_a_partial_quotation_sharing_the_reported_clauses_cue_is_part_of_it():
    doc, names = run('Iran will not build a bomb until it has "the means to enrich uranium quickly and secretly," '
                     'the institute said.')
    assert [s.content for s in doc.statements] == [
        'Iran will not build a bomb until it has "the means to enrich uranium quickly and secretly']


def test_according_to_rules_is_accordance_not_attribution():
    doc, names = run("Illegal migrants must be identified and deported according to the new rules.\n\n"
                     "The border will reopen on Monday, according to the interior ministry.")
    assert [s.content for s in doc.statements] == ["The border will reopen on Monday"]


@pytest.mark.parametrize("sentence, content", [
    ("According to engineer Bishnu Prasad Lamichhane of the roads office, the repairs included widening the road.",
     "the repairs included widening the road"),
    ("According to the World Health Organization, one part per billion is considered unsafe to drink.",
     "one part per billion is considered unsafe to drink"),
])
def test_according_to_when_the_parse_misreads_it_or_the_clause_has_a_passive_cue(sentence, content):
    doc, names = run(sentence)
    assert [s.content for s in doc.statements] == [content] and doc.statements[0].source is not None


def test_a_headline_quotation_with_its_speaker_after_a_colon():
    doc, names = run("Readers also followed these stories on Monday. ‘We will not step back from this fight’: Rahul "
                     "Gandhi on the voter rolls, as markets closed higher.\n\n"
                     "The government launched the slogan ‘One Nation, One Tax’: a reform that replaced state taxes.")
    assert [(s.content, names[s.source]) for s in doc.statements] == [("We will not step back from this fight",
                                                                       "Rahul Gandhi")]


@pytest.mark.parametrize("sentence, source", [
    ("The State Department issued a human rights report on Tuesday that said the government took minimal steps "
     "to punish officials.", "State Department"),
    ("President Maia Sandu, who said the border would stay open, left for Brussels.", "Maia Sandu"),
])
def test_a_relative_clause_whose_pronoun_is_the_speaker(sentence, source):
    doc, names = run(sentence)
    assert len(doc.statements) == 1 and names[doc.statements[0].source] == source


@pytest.mark.parametrize("sentence, content", [
    ("Indeed, according to a report in the Times of London, the former premier met party members in Delhi.",
     "the former premier met party members in Delhi"),
    ("The bridge, according to the regional governor, was closed overnight.",
     "The bridge, according to the regional governor, was closed overnight"),
])
def test_according_to_after_a_sentence_adverb_or_inside_the_clause(sentence, content):
    doc, names = run(sentence)
    assert [s.content for s in doc.statements] == [content]



def test_according_to_a_source_with_a_title_before_the_name():
    # The parser may take "engineer" for a verb and the name for its object.
    doc, names = run("According to engineer Ramesh Thapa of the roads office, the repairs included widening the "
                     "road by removing debris.")
    statement = only(doc, "the repairs")
    assert names[statement.source] == "Ramesh Thapa" and statement.cue == "According to"

def test_a_passive_with_a_subject_of_its_own_and_a_clause_is_not_a_report():
    doc, names = run("Find this comment offensive? Choose your reason and click the button. Your reason has been "
                     "reported to the admin.\n\nIt was reported that the convoy had crossed the border.")
    assert [s.content for s in doc.statements] == ["the convoy had crossed the border"]


@pytest.mark.parametrize("text, content, source_text", [
    ("Speaking on condition of anonymity, a senior commander of the brigade told reporters that the unit had "
     "lost two tanks near the river.", "the unit had lost two tanks near the river", "a senior commander"),
    ("Farmers opposed to the dam have warned the regional council against approving it, and say the valley "
     "will flood every spring.", "the valley will flood every spring", "Farmers"),
])
def test_a_speaker_the_parser_buried_in_an_opening_clause_still_speaks(text, content, source_text):
    doc, _ = run(text)
    statement = only(doc, content.split()[0] + " " + content.split()[1])
    assert statement.content == content
    assert statement.source_text.startswith(source_text)


def test_a_that_clause_after_the_audience_is_what_was_told():
    doc, names = run("Defence Minister Ana Vrabie told a press conference in Chisinau that two drones had "
                     "crashed near the border overnight.")
    statement = only(doc, "two drones")
    assert statement.content == "two drones had crashed near the border overnight"
    assert names[statement.source] == "Ana Vrabie"


def test_a_relative_clause_on_the_audience_is_not_a_statement():
    doc, _ = run("The minister told a meeting that was held in the capital on Monday about the new budget.")
    assert doc.statements == []


@pytest.mark.parametrize("text", [
    "The minister explained why the talks had collapsed on Friday.",
    "Reporters asked whether the ceasefire would hold through the weekend.",
    "The envoy wondered how the convoy had crossed the river unseen.",
])
def test_a_question_put_or_explained_is_not_a_statement(text):
    doc, _ = run(text)
    assert doc.statements == []


def test_a_time_clause_opening_the_content_is_still_said():
    doc, _ = run("The general said when the shelling stopped, the troops would move forward.")
    assert only(doc, "when the shelling").content == "when the shelling stopped, the troops would move forward"


def test_two_quoted_words_governed_by_a_verb_of_naming_are_a_quotation():
    doc, names = run('Prime Minister Ilir Basha describes his approach as an "illiberal democracy" in every speech.')
    statement = only(doc, "illiberal democracy")
    assert (statement.kind, names[statement.source]) == ("quote", "Ilir Basha")


@pytest.mark.parametrize("text, content, speaker", [
    ('Presenting the annual report, Prime Minister Ilir Basha accused rivals of ignoring "substantial progress" '
     'in the north.', "substantial progress", "Ilir Basha"),
    ('Coach Ilona Brandt on Thursday mourned the loss of an "incredible human being".', "incredible human being",
     "Ilona Brandt"),
])
def test_a_quotation_governed_through_of_is_the_speakers(text, content, speaker):
    doc, names = run(text)
    statement = only(doc, content)
    assert (statement.kind, names[statement.source]) == ("quote", speaker)


def test_a_clause_after_a_quotation_that_opens_with_when_is_not_its_cue():
    doc, _ = run('The club spoke of a "strategic evolution" when it announced the sponsorship deal.')
    assert only(doc, "strategic evolution").cue == "spoke"


def test_a_scare_quote_on_a_noun_is_not_a_quotation():
    doc, _ = run('The ministry predicted victory in its "sacred fight" against the rebels.')
    assert doc.statements == []


def test_according_to_a_source_named_beside_its_role_keeps_the_clause_subject():
    doc, names = run("According to his press adviser, Ramesh Koirala, the Speaker has asked the secretary to forward "
                     "the report to all parties.")
    statement = only(doc, "the Speaker")
    assert names[statement.source] == "Ramesh Koirala"


def test_a_cue_set_beside_its_content_is_not_followed_by_the_narrators_where_clause():
    doc, names = run("But the five-day game remained in rude health in Australia, Greenberg said, where interest in "
                     "the series had been high.")
    statement = only(doc, "the five-day game")
    assert statement.content == "the five-day game remained in rude health in Australia"


def test_a_name_the_parser_hung_on_an_opening_phrase_is_the_speaker():
    doc, names = run("In the Kardenian navy, Commander Ilona Varga said that during the operation, her ship was on "
                     "a different mission.")
    assert names[only(doc, "during the operation").source] == "Ilona Varga"


def test_a_speaker_after_a_comma_that_the_parser_coordinated_reports_the_clause_before():
    doc, names = run("The new law will strengthen the economy and make the country stronger, Sunil Bansal, the "
                     "party's general secretary said at a meeting.")
    statement = only(doc, "The new law")
    assert statement.content == "The new law will strengthen the economy and make the country stronger"
    assert names[statement.source] == "Sunil Bansal"


def test_a_coordinated_report_with_and_is_not_set_beside_the_first_clause():
    doc, _ = run("The army shelled the town and the governor said the damage was severe.")
    assert [s.content for s in doc.statements] == ["the damage was severe"]


def test_a_colon_after_a_noun_cue_hands_the_quotation_to_the_clauses_subject():
    doc, names = run('Colonel Igor Belan issued a stark warning: "Any convoy that crosses the river will be treated '
                     'as a target by our forces".')
    statement = only(doc, "Any convoy")
    assert (statement.kind, names[statement.source]) == ("quote", "Igor Belan")


@pytest.mark.parametrize("text", [
    "The relative consistency of the casualty figures suggests that the problem could be limited.",
    "The new streaming deal suggests that the company understands the market.",
    "It suggests that the regime is nervous about the protests.",
])
def test_a_thing_that_suggests_is_the_narrators_inference(text):
    doc, _ = run(text)
    assert doc.statements == []


@pytest.mark.parametrize("text, content", [
    ("The ministry signalled that it would not renew the contract.", "it would not renew the contract"),
    ("Analysts at the institute suggest that the offensive may stall by winter.",
     "the offensive may stall by winter"),
    ("The report suggests that the plant is producing 80 drones a month.",
     "the plant is producing 80 drones a month"),
])
def test_a_speaker_or_a_document_that_suggests_makes_a_statement(text, content):
    doc, _ = run(text)
    assert [s.content for s in doc.statements] == [content]


def test_a_title_in_quotation_marks_does_not_continue_the_speaker():
    doc, names = run('"We will play every match to win," said coach Ilona Brandt. "The Long Road to the Final" is '
                     'the title of the club\'s new film about the season.')
    assert [s.content for s in doc.statements] == ["We will play every match to win"]


def test_on_a_flattened_line_a_cueless_quotation_far_from_the_speaker_is_not_theirs():
    filler = "The match was delayed by rain for two hours and the crowd thinned out in the afternoon. " * 8
    doc, _ = run('"We will play every match to win," said coach Ilona Brandt. ' + filler
                 + '"Nobody expected the pitch to hold up so well after the storm."')
    assert [s.content for s in doc.statements] == ["We will play every match to win"]


def test_on_a_flattened_line_a_cueless_quotation_right_after_the_speaker_is_theirs():
    doc, names = run('"We will play every match to win," said coach Ilona Brandt. The team trained on Monday. '
                     '"Nobody expected the pitch to hold up so well after the storm."')
    assert names[only(doc, "Nobody expected").source] == "Ilona Brandt"


def test_a_publications_own_assessment_is_its_publishers():
    doc = process(Input(origin="t.txt", source="Halden Institute", published="2026-03-05", text=(
        "Halden Institute for Security Studies - Situation assessment\n\n"
        "We assess that Talmeria will probably not launch a ground offensive before April.\n\n"
        "We visited the border last week. The Halden Institute for Security Studies will update this assessment "
        "every Friday.")))
    names = {e.id: e.name for e in doc.entities}
    statement = only(doc, "Talmeria will probably")
    assert (names[statement.source], statement.confidence) == ("Halden Institute for Security Studies", "unlikely")
    assert len(doc.statements) == 1


def test_we_in_a_text_that_does_not_name_its_publisher_stays_the_writers_voice():
    doc = process(Input(origin="t.txt", source="Northern Ledger", published="2026-03-05", text=(
        "We believe the ceasefire will hold until the spring, and so should our readers.")))
    assert doc.statements == []


def test_a_quotation_reopened_by_a_stray_mark_is_one_speakers_words_not_a_cue_inside_the_next():
    doc, names = run('Labour Minister Anil Kumar spoke to reporters on Monday. "I gave an entire day to the unions, '
                     'an entire day to the farmers. I asked for their feedback. "I told them that they should tell '
                     'me what kind of law they wanted," Kumar said.')
    first, second = only(doc, "I gave an entire day"), only(doc, "I told them")
    assert names[first.source] == names[second.source] == "Anil Kumar"


def test_a_stray_opening_mark_does_not_turn_narration_into_a_quotation():
    doc, names = run('Opposition leader Tariq Hamid spoke in Srinagar on Friday. "He criticised the remarks made by '
                     'the judge on Monday and said that the government had misled the public. He stated, "Elections '
                     'were held in the region even during the insurgency." He also said the fight would go on.')
    assert names[only(doc, "Elections were held").source] == "Tariq Hamid"
    assert not [s for s in doc.statements if s.content.startswith("He criticised")]


def test_a_cue_in_a_relative_clause_whose_relative_word_is_a_circumstance_reports_its_complement():
    doc, names = run("The commission was answering Sunil Mehta's press conference in which he claimed that the party "
                     "had found thousands of fake voters in one district.")
    assert names[only(doc, "the party had found").source] == "Sunil Mehta"
    doc, _ = run("The hearing where the lawyers argued that the law was void lasted an hour.")
    assert only(doc, "the law was void").cue == "argued"


def test_a_relative_clause_whose_relative_word_is_the_content_is_still_no_statement():
    doc, _ = run("The plan, which officials said would fail, was approved in the end. The rules that the "
                 "ministry says protect voters were published.")
    assert doc.statements == []


def test_a_cue_after_the_quotation_introduced_by_as():
    doc, names = run("“When we stand with our allies, we are also defending our way of life,” as Arno Keller, the "
                     "honorary chairman of the party, has stated.")
    assert names[only(doc, "When we stand").source] == "Arno Keller"


def test_a_quotation_after_a_participle_of_speaking_in_an_opening_phrase_is_the_main_subjects():
    doc, names = run("By stating, “Even if they take me to the moon out of revenge, I will not be afraid”, Rabi "
                     "Lamsal framed his detention as a political attack.")
    assert names[only(doc, "Even if they take me").source] == "Rabi Lamsal"


def test_a_quotation_governed_by_a_cue_nested_in_a_reported_clause_is_the_inner_speakers():
    doc, names = run("The lawyer, Prakash Bhandari, pointed out that the Election Commission had said in its affidavit "
                     "that “we have given this information to the agents of the recognised parties”.")
    inner = only(doc, "we have given")
    assert names[inner.source] == "Election Commission" and inner.cue == "had said"
    assert names[only(doc, "the Election Commission had said").source] == "Prakash Bhandari"


def test_a_cue_between_commas_inside_the_clause_reports_the_whole_clause():
    doc, names = run("The government, Prime Minister Narendra Modi said, would support the farmers through the "
                     "next round of reforms.")
    whole = only(doc, "The government")
    assert whole.content.endswith("the next round of reforms") and names[whole.source] == "Narendra Modi"
    doc, _ = run("The drones, the army said on Friday, were shot down over the sea.")
    assert only(doc, "The drones").content.endswith("shot down over the sea")


def test_a_cue_set_beside_the_end_of_its_clause_is_not_inside_it():
    doc, names = run("The volunteers will train the regional police, Governor Anton Belov has said, according to "
                     "the Interfax news agency.")
    assert only(doc, "The volunteers").content == "The volunteers will train the regional police"


def test_a_sentence_shouted_in_capitals_continues_the_speaker_but_a_slogan_is_no_quotation():
    doc, names = run('"Our rivals cannot win without this scheme," the former president, Donald Tramwell, wrote on '
                     'his platform on Monday. "ELECTIONS CAN NEVER BE HONEST WITH MAIL BALLOTS, AND EVERYBODY KNOWS '
                     'THIS." "WE WILL FIGHT LIKE HELL FOR HONEST ELECTIONS," he added.')
    assert names[only(doc, "ELECTIONS CAN NEVER").source] == "Donald Tramwell"
    doc, _ = run('The rally ended under a banner reading "TARGETED FOR POLITICAL OPINION" in the square.')
    assert doc.statements == []


def test_the_writers_own_cue_after_a_quotation_leaves_it_to_the_cue_before():
    doc, names = run("Madam — I agree with Edward Horgan when he says: “Like most citizens, I believe that "
                     "neutrality is by far the best way to protect the people.” I also contend that the lock "
                     "should be kept.")
    assert names[only(doc, "Like most citizens").source] == "Edward Horgan"


def test_an_as_clause_with_a_cue_introduces_the_quotation_after_it():
    doc, names = run("As Vice President Dale Hutton recently observed about the prospects for a deal, “The way to "
                     "peace is to have a decisive leader sit down with the others.” The summit opens on Friday.")
    found = only(doc, "The way to peace")
    assert names[found.source] == "Dale Hutton" and found.cue == "observed"


def test_the_writers_own_question_does_not_continue_the_previous_speaker():
    doc, names = run("“The water is clean today,” the lifeguard, Tom Reyes, said. “Is there no danger from the "
                     "algae at all?” I asked, a little wary.")
    assert names[only(doc, "The water is clean").source] == "Tom Reyes"
    assert not [s for s in doc.statements if s.content.startswith("Is there no danger")]


def test_one_of_a_group_speaking_is_an_unnamed_speaker_not_a_number():
    doc, _ = run("One of the members who left the camp, and one of the few who have spoken publicly about it, said "
                 "that they were strongly discouraged from reading the scriptures.")
    found = only(doc, "they were strongly discouraged")
    assert found.source is None


def test_a_closing_cue_the_parser_hung_on_a_noun_still_reports_the_sentence():
    doc, names = run("The star's visit to the city has received its final approval, with the first match set for "
                     "December 12, promoter of the event Rohan Mitra said on Friday.")
    found = only(doc, "The star's visit")
    assert names[found.source] == "Rohan Mitra" and found.content.endswith("set for December 12")
    doc, _ = run("The council approved a plan that officials said would fail.")
    assert doc.statements == []


def test_a_coordinated_cue_whose_clause_follows_an_adjunct_and_a_comma():
    doc, names = run("Solicitor General Tushar Rao, appearing for the state, sought dismissal of the plea and said in "
                     "the past too, the court had imposed costs on such pleas.")
    assert names[only(doc, "the court had imposed").source] == "Tushar Rao"


def test_a_speaker_named_after_the_quotation_with_a_description_holding_a_quotation_of_its_own():
    doc, names = run("“You will have to spend half on food now. This is basically one tax for one nation,” Yogendra "
                     "Swaraj, who sits on the committee on the ‘One Nation One Tax’ bills, said, arguing that it "
                     "would hurt the poor.")
    assert names[only(doc, "You will have to spend").source] == "Yogendra Swaraj"


def test_according_to_a_source_with_a_participle_phrase_keeps_the_clauses_subject():
    doc, _ = run("According to a Lebanese source speaking to the Beirut Monitor, Aoun’s visit to Cyprus “revealed "
                 "files of political and security blackmail prepared by Ankara for later use.”")
    found = only(doc, "Aoun’s visit to Cyprus")
    assert found.cue == "According to" and "revealed files" in found.content


def test_a_request_to_the_reader_is_no_statement():
    doc, _ = run("“We have found the facts,” the commission said on X. To view this video please enable JavaScript, "
                 "and consider upgrading to a web browser that supports HTML5 video.")
    assert [s.content for s in doc.statements] == ["We have found the facts"]


def test_told_a_court_that_x_when_the_parser_calls_that_a_dative():
    doc, names = run("Has the war against corruption ended? Only a few days ago the US SEC, told a New York Eastern "
                     "District court that they had asked the Ministry of Law for help in delivering the summons.")
    found = only(doc, "they had asked")
    assert found.cue == "told"


def test_a_verb_that_takes_a_cue_noun_reports_a_quotation_it_follows():
    doc, names = run('"It is a sad day for the sport. His passing ends a great era," expressed Dilip Kumar, '
                     'president of the national federation.')
    statement = only(doc, "It is a sad day")
    assert (statement.cue, names[statement.source]) == ("expressed", "Dilip Kumar")


def test_a_verb_with_an_object_of_its_own_after_a_headline_quotation_is_no_cue():
    doc, _ = run("‘Stormed, abused, threatened’: Minister shares video of the clash in parliament\n\n"
                 "The session was adjourned on Monday.")
    assert [s.content for s in doc.statements if s.content.startswith("Stormed")] == []


@pytest.mark.parametrize("text, speaker, cue", [
    ("In an interview with a local radio station, the mayor Anna Petrenko reflected on the first winter of the war. "
     "\"We had no heating for three weeks, and still nobody left the city.\"", "Anna Petrenko", "reflected"),
    ("A day later, the foreign minister Omar Haddad spoke with his Turkish counterpart and put out a short social media "
     "post. \"We stand with our neighbours in this hour of grief and we will send help.\"", "Omar Haddad", "put out"),
    ("\"We will rebuild every house,\" said the mayor Ivan Kolesnik.\n\n"
     "The governor Oleh Sydor spoke next, about the dams. \"The water is the first priority for all of us.\"",
     "Oleh Sydor", "spoke"),
])
def test_a_quotation_with_no_cue_is_the_speaker_of_the_sentence_introducing_it(text, speaker, cue):
    doc, names = run(text)
    found = next(s for s in doc.statements if s.content.startswith(("We had", "We stand", "The water")))
    assert (names[found.source], found.cue) == (speaker, cue)


@pytest.mark.parametrize("text", [
    "General Pavel Ivanov inspected the front line on Friday. \"The enemy is exhausted and his reserves are gone.\"",
    "The minister Lena Vogt did not comment on the report. \"The army will stay in the north until spring.\"",
    "The lifeguard Tom Reyes asked the mayor about the algae. \"Nobody has tested the water since June.\"",
    "I spoke to her on the phone on Sunday. \"It was terrible, and we had nowhere to go.\"",
])
def test_a_sentence_without_speaking_asking_or_the_writer_speaking_introduces_no_speaker(text):
    doc, names = run(text)
    assert doc.statements == []


def test_a_quotation_closed_before_its_full_stop_is_a_sentence_of_its_own():
    doc, names = run("The mayor Ivan Kolesnik said the dam would hold. “Nobody should leave the city tonight”. "
                     "Engineers worked through the night.")
    assert names[only(doc, "Nobody should leave").source] == "Ivan Kolesnik"


@pytest.mark.parametrize("text, speaker, cue", [
    ("Before the summit, President Dale Hutton lowered expectations when he told Fox News, “I won’t be happy if I "
     "walk away without some form of a ceasefire.”\n\nThe talks ended early.", "Dale Hutton", "told"),
    ("Prime Minister Tom Reed said on X, “Remembering the founders of the republic on this day. Their courage still "
     "inspires us.”", "Tom Reed", "said"),
])
def test_a_cue_with_its_addressee_or_adjuncts_before_the_comma_introduces_the_quotation(text, speaker, cue):
    doc, names = run(text)
    found = next(s for s in doc.statements if s.content.startswith(("I won", "Remembering")))
    assert (names[found.source], found.cue) == (speaker, cue)



def test_the_writers_bracketed_note_is_no_cue():
    doc, names = run("According to a Syrian source speaking to the newspaper, the visit “revealed files of blackmail "
                     "prepared for later use [emphasis added]”.\n\nThe envoy wrote to the council. “We need to discuss "
                     "the situation in the north and the south [emphasis added]. There is one neighbour that always "
                     "makes trouble.”")
    found = only(doc, "the visit")
    assert found.cue == "According to" and found.source is None
    assert not [s for s in doc.statements if s.cue == "added"]


@pytest.mark.parametrize("text, content, speaker", [
    ('The ruling drew outcry from the UN envoy Tom Andrews, who called the move "unconscionable and a major step '
     'backward for efforts to protect civilians."', "unconscionable and a major step backward", "Tom Andrews"),
    ('Critics point to a citizenship law the United Nations calls "fundamentally discriminatory and a danger to '
     'minorities," and to new curbs on assembly.', "fundamentally discriminatory", "United Nations"),
])
def test_a_quotation_governed_by_a_cue_in_a_relative_clause_is_the_speakers(text, content, speaker):
    doc, names = run(text)
    statement = only(doc, content)
    assert (statement.kind, names[statement.source]) == ("quote", speaker)


@pytest.mark.parametrize("text, cue, content", [
    ("The Ukrainian General Staff said Russian forces struck a hospital in Kherson overnight, saying that three "
     "people were killed.", "saying", "three people were killed"),
    ("Leaders of the Hindu Council of Ohio have alleged that the movement is hardly different from gang violence, "
     "openly admitting that there are no established links.", "admitting", "there are no established links"),
])
def test_a_speech_participle_hung_on_the_reported_clause_is_the_reporters(text, cue, content):
    doc, names = run(text)
    outer, inner = doc.statements
    assert (inner.cue, inner.content, inner.source) == (cue, content, outer.source)
    assert not outer.content.endswith(content)


def test_a_speech_participle_after_a_person_in_the_reported_clause_stays_that_persons():
    doc, _ = run("President Dana Holt said the Russian leader had repeated the claim, telling her that the vote "
                 "had been rigged.")
    assert only(doc, "the vote").source != only(doc, "the Russian leader").source


def test_a_participle_with_no_reported_clause_stays_in_the_content():
    doc, _ = run("The party spokesman Ravi Menon stated that the march will last two weeks, concluding with a rally "
                 "in the capital.")
    assert only(doc, "the march").content == "the march will last two weeks, concluding with a rally in the capital"


def test_a_cue_that_goes_on_to_give_other_words_is_not_the_cue_of_the_quotation_before_it():
    doc, names = run('Judge Anna Weber said the order could be set aside in the autumn. "So what? Can we not set it '
                     'aside even then?" Piotr Nowak said, "What we have shown is that many voters on the roll '
                     'are dead."')
    assert names[only(doc, "So what").source] == "Anna Weber"
    assert names[only(doc, "What we have shown").source].endswith("Nowak")


def test_a_quotation_after_its_cue_is_not_the_next_speakers_who_agrees_in_words_of_their_own():
    doc, names = run('Piotr Nowak further said, "Today the roll is no longer searchable. Until August 4 it '
                     'was." Judge Anna Weber agreed that "all citizens have a right" to know.')
    assert names[only(doc, "Today the roll").source].endswith("Nowak")


@pytest.mark.parametrize("text, content, speaker", [
    ('"Is the port open again?" Governor Ivan Holt asked reporters, smiling, on Monday.',
     "Is the port open again?", "Ivan Holt"),
    ('"We have cleared the debris," Governor Ivan Holt said, "and the cranes are working again."',
     "We have cleared the debris", "Ivan Holt"),
])
def test_a_cue_after_a_quotation_with_no_other_quotation_to_give_stays_its_cue(text, content, speaker):
    doc, names = run(text)
    assert names[only(doc, content).source] == speaker


def test_shared_reports_words_but_not_a_photo():
    doc, names = run('Speaking to a podcast, actress Maria Lopez shared, "When you become ambitious, it is not your fault." '
                     'The minister shared a photo of the bridge on social media.')
    assert [(s.cue, names[s.source]) for s in doc.statements] == [("shared", "Maria Lopez")]


def test_what_happened_next_after_a_reported_clause_is_the_narrators():
    doc, _ = run("According to President Ivan Dorn, the general told him that the rebels did not want to talk to "
                 "anyone, after which the president tried to reach them himself.")
    assert only(doc, "the rebels").content == "the rebels did not want to talk to anyone"


def test_a_comma_clause_that_is_no_sequence_stays_in_the_content():
    doc, _ = run("President Ivan Dorn said the rebels did not want to talk, which worried the mediators.")
    assert only(doc, "the rebels").content == "the rebels did not want to talk, which worried the mediators"


def test_a_speaker_the_parser_made_the_subject_of_the_participle_beside_him():
    doc, names = run('Senior advocate Ravi Menon, also appearing for the petitioners, said, "They admit that no '
                     'inquiry was conducted." Meanwhile, Governor Ivan Holt, speaking on television, said the dam would '
                     'hold.')
    quote = only(doc, "They admit")
    assert names[quote.source].endswith("Menon")
    assert not [s for s in doc.statements if "appearing for" in s.content]


@pytest.mark.parametrize("sentence", [
    "No one seriously believes that the ceasefire will hold through the winter.",
    "Nobody in the capital thinks the sanctions will be lifted soon.",
    "Let's say the talks fail and the army moves north.",
    "Radio remains popular in the villages, considering it is the cheapest medium there.",
    "The report fails to mention that the army had shelled the town the day before.",
    "The governor refused to say whether the dam would hold.",
])
def test_no_ones_belief_a_supposition_a_joining_participle_and_what_was_not_said_are_not_statements(sentence):
    assert run(sentence)[0].statements == []


@pytest.mark.parametrize("sentence, content", [
    ("No official said the talks had failed, but one minister said they had stalled.", "they had stalled"),
    ("The minister considers that the sanctions work.", "the sanctions work"),
])
def test_a_speaker_beside_those_cases_still_makes_a_statement(sentence, content):
    doc, _ = run(sentence)
    assert [s.content for s in doc.statements] == [content]
