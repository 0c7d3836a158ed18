"""What the tests of people and posts share: a text run through the people stage, and a
person's posts as (title, organisation) pairs, `nguyên ` before a former one."""

from partyx.record import Article, District, PlaceContext


def run(stage, text, province=None, district=None, authors=()):
    a = Article(id="t", source={}, text=text, authors=list(authors))
    a.place_context = PlaceContext(province, District(**district) if district else None)
    stage(a)
    return a


def posts(article, name):
    person = next(p for p in article.people if p["name"] == name)
    return {(("nguyên " if x["status"] == "former" else "") + x["title"], x["org"])
            for x in person["positions"]}
