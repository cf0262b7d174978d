"""The field's actor dictionaries as sitrep loads them: names to actors with dated roles, nouns to sectors."""
from sitrep.nlp import actors


def test_common_nouns_of_actors_give_their_sector():
    assert actors.agent_sector("rebels") == "REB"
    assert actors.agent_sector("Riot Police") == "COP"
    assert actors.agent_sector("junta") == "GOV"
    assert actors.agent_sector("spokeswomen") == "MED"
    assert actors.agent_code("paramilitary police") == "MILGOV"
    assert actors.agent_sector("weather") is None


def test_a_name_gives_the_actor_with_country_sector_and_dated_roles():
    leader = actors.actor("Alyaksandr Lukashenka")
    assert leader.kind == "person" and leader.country == "BLR" and leader.sector == "GOV"
    role = leader.role_on("2024-03-02")
    assert (role.role, role.country, role.since, role.until) == ("GOV", "BLR", "1994-07-20", None)
    assert leader.role_on("1990").role == "ELI"  # a standing before office, not an office


def test_lookup_ignores_case_dots_hyphens_and_the_article():
    assert actors.name_key("The U.N.") == "un"
    assert actors.name_key("Ban Ki-moon") == actors.name_key("BAN KI MOON")
    assert actors.known_name("HAMAS") and actors.known_name("Hamas")
    assert actors.actor("hamas").sector == "REB"


def test_an_unknown_or_shared_name_gives_no_actor():
    assert actors.actor("Nobody Inparticular") is None
    assert actors.actors_named("Nobody Inparticular") == ()


def test_role_dates_compare_at_the_precision_given():
    role = actors.Role("GOV", "BLR", "1994-07-20", None)
    assert role.holds_on("1994") and role.holds_on("1994-07") and not role.holds_on("1993")
    assert actors.Role("GOV", "BLR", "1994-07-20", "2001-01-01").holds_on(None) is False
