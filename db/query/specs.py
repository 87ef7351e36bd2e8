"""The panes as the query layer sees them: each one's table, columns, sorts, filter fields and facets."""
from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass

from ..catalog import schema

PANES = ("articles", "entities", "metrics", "timeline", "targets")


@dataclass(frozen=True)
class FieldSpec:
    kind: str  # text | int | num | date | fts | bool | name
    column: str  # SQL column (or FTS column for kind fts)
    help: str
    join: bool = False  # needs the article joined
    # For a value that is a name, not an id (article:中关村论坛, doc:行动计划): the ids `column` may take,
    # a query whose every ? is given %name%.
    named: str | None = None
    choices: tuple[str, ...] = ()  # the values a text field can have (others are refused, with these listed)


@dataclass(frozen=True)
class PaneSpec:
    table: str
    alias: str
    fts: str
    select: str  # columns of a row, in ROW order
    join: str  # join to the article, for columns and filters that need it
    sorts: dict[str, str]  # name → ORDER BY; "-name" is the descending form
    default_sort: str
    fields: dict[str, FieldSpec]
    facets: dict[str, str]  # facet → SQL expression grouped on
    row: tuple[str, ...] = ()


_ART_JOIN = "JOIN articles a ON a.id = {alias}.article_id"
_TITLED = "SELECT id FROM articles WHERE title LIKE ? ESCAPE '\\'"

SPECS: dict[str, PaneSpec] = {
    "articles": PaneSpec(
        table="articles", alias="a", fts="articles_fts",
        select="a.id, a.published, a.title, a.publication, a.kind, a.n_metrics, a.n_events, a.n_entities",
        row=("id", "published", "title", "publication", "kind", "n_metrics", "n_events", "n_entities"),
        join="",
        sorts={"date": "a.published IS NULL, a.published {dir}, a.id {dir}", "title": "a.title {dir}, a.id",
               "metrics": "a.n_metrics {dir}, a.id", "source": "a.id {dir}",
               "publication": "a.publication IS NULL, a.publication {dir}, a.published DESC, a.id",
               "kind": "a.kind {dir}, a.published DESC, a.id", "events": "a.n_events {dir}, a.id",
               "entities": "a.n_entities {dir}, a.id"},
        default_sort="-date",
        fields={
            "pub": FieldSpec("text", "a.publication", "publication, exactly: pub:人民日报"),
            "kind": FieldSpec("text", "a.kind", "news, policy, notice, caption, ad, toc, other",
                              choices=("news", "policy", "notice", "caption", "ad", "toc", "other")),
            "year": FieldSpec("int", "a.year", "year published: year:2020, year:2019..2022"),
            "date": FieldSpec("date", "a.published", "date published: date:2020-03, date:2020-01..2020-06"),
            "title": FieldSpec("fts", "title", "words in the title only"),
            "metrics": FieldSpec("int", "a.n_metrics", "number of metrics: metrics>0"),
            "events": FieldSpec("int", "a.n_events", "number of dated events: events>=2"),
            "entities": FieldSpec("int", "a.n_entities", "number of entities"),
        },
        facets=schema.FACETS["articles"],
    ),
    "entities": PaneSpec(
        table="entities", alias="e", fts="entities_fts",
        select="e.id, e.name, e.type, e.role, e.n_mentions, e.n_articles",
        row=("id", "name", "type", "role", "n_mentions", "n_articles"),
        join="",
        sorts={"mentions": "e.n_mentions {dir}, e.id", "articles": "e.n_articles {dir}, e.id",
               "name": "e.name {dir}, e.id", "type": "e.type {dir}, e.n_mentions DESC, e.id", "source": "e.id {dir}",
               "role": "e.role IS NULL, e.role {dir}, e.n_mentions DESC, e.id"},
        default_sort="-mentions",
        fields={
            "type": FieldSpec("text", "e.type", "person gov org company university place park document product event",
                              choices=("person", "gov", "org", "company", "university", "place", "park", "document",
                                       "product", "event")),
            "name": FieldSpec("fts", "name", "characters of the name: name:中关村"),
            "alias": FieldSpec("fts", "aliases", "characters of an alias"),
            "role": FieldSpec("fts", "role", "characters of a role: role:主任"),
            "mentions": FieldSpec("int", "e.n_mentions", "number of mentions: mentions>5"),
            "articles": FieldSpec("int", "e.n_articles", "number of articles: articles>=2"),
        },
        facets=schema.FACETS["entities"],
    ),
    "metrics": PaneSpec(
        table="metrics", alias="m", fts="metrics_fts",
        select="m.id, m.subject, m.text, m.value, m.value_max, m.unit, m.qualifier, m.period, m.kind, m.scope,"
               " a.published, m.article_id, m.year, m.series_id",
        row=("id", "subject", "text", "value", "value_max", "unit", "qualifier", "period", "kind", "scope",
             "published", "article_id", "year", "series_id"),
        join=_ART_JOIN.format(alias="m"),
        sorts={"source": "m.id {dir}", "value": "m.value {dir}, m.id",
               "period": "m.period IS NULL, m.period {dir}, m.id",
               "date": "a.published IS NULL, a.published {dir}, m.id", "subject": "m.subject {dir}, m.id",
               "text": "m.text {dir}, m.id", "unit": "m.unit {dir}, m.value DESC, m.id",
               "qualifier": "m.qualifier IS NULL, m.qualifier {dir}, m.id", "kind": "m.kind {dir}, m.value DESC, m.id",
               "scope": "m.scope IS NULL, m.scope {dir}, m.period, m.id"},
        default_sort="source",
        fields={
            "unit": FieldSpec("text", "m.unit", "unit, exactly: unit:元, unit:%,件"),
            "kind": FieldSpec("text", "m.kind", "amount count rate share target other",
                              choices=("amount", "count", "rate", "share", "target", "other")),
            "year": FieldSpec("int", "m.year", "year of the period: year:2019..2022"),
            "value": FieldSpec("num", "m.value", "normalised value: value>1e9, value>=5亿, value:100..200;"
                               " with a unit, within that unit: value>100亿元, value:1万..5万家"),
            "period": FieldSpec("date", "m.period", "period: period:2019, period:2019-01..2019-06"),
            "qualifier": FieldSpec("text", "m.qualifier", "qualifier: ~ > < + (about, over, under, more than)"),
            "subject": FieldSpec("fts", "subject", "characters of the subject: subject:专利"),
            "scope": FieldSpec("fts", "scope", "characters of the scope: scope:海淀"),
            "date": FieldSpec("date", "a.published", "date of the article: date:2020..2021", join=True),
            "series": FieldSpec("int", "m.series_id", "the figures of one series: series:17"),
            "article": FieldSpec("int", "m.article_id", "the figures of an article: article:12, article:行动计划",
                                 named=_TITLED),
            "doc": FieldSpec("name", "m.article_id", "the figures of the articles about a document: doc:行动计划",
                             named=_TITLED + " UNION SELECT article_id FROM events WHERE document LIKE ? ESCAPE '\\'"
                             " UNION SELECT id FROM articles WHERE doc_number LIKE ? ESCAPE '\\'"),
        },
        facets=schema.FACETS["metrics"],
    ),
    "timeline": PaneSpec(
        table="timeline", alias="t", fts="events_fts",
        select="t.id, t.date, t.precision, t.year, t.actor, t.action, t.document, t.summary, t.is_policy, t.n_sources",
        row=("id", "date", "precision", "year", "actor", "action", "document", "summary", "is_policy", "n_sources"),
        join="",
        sorts={"date": "t.date {dir}, t.id {dir}", "actor": "t.actor IS NULL, t.actor {dir}, t.date, t.id",
               "source": "t.id {dir}", "action": "t.action IS NULL, t.action {dir}, t.date, t.id",
               "document": "t.document IS NULL, t.document {dir}, t.date, t.id", "summary": "t.summary {dir}, t.id",
               "policy": "t.is_policy {dir}, t.date, t.id", "sources": "t.n_sources {dir}, t.date, t.id"},
        default_sort="date",
        fields={
            "policy": FieldSpec("bool", "t.is_policy", "policy:yes (policy events only), policy:no, policy:all"),
            "actor": FieldSpec("fts", "actor", "characters of the actor: actor:国务院"),
            "action": FieldSpec("fts", "action", "characters of the action: action:印发"),
            "doc": FieldSpec("fts", "document", "characters of the document: doc:意见"),
            "year": FieldSpec("int", "t.year", "year: year:2019..2022"),
            "date": FieldSpec("date", "t.date", "date: date:2020-03, date:2019..2020-06"),
            "sources": FieldSpec("int", "t.n_sources", "number of sentences reporting it: sources>1"),
        },
        facets=schema.FACETS["timeline"],
    ),
    "targets": PaneSpec(
        table="targets", alias="g", fts="targets_fts",
        select="g.id, g.subject, g.scope, g.target_value, g.target_qualifier, g.unit, g.target_period,"
               " g.actual_value, g.actual_period, g.status, g.ratio, g.series_id, g.target_year",
        row=("id", "subject", "scope", "target_value", "target_qualifier", "unit", "target_period",
             "actual_value", "actual_period", "status", "ratio", "series_id", "target_year"),
        join="",
        sorts={"source": "g.id {dir}", "year": "g.target_year IS NULL, g.target_year {dir}, g.id",
               "status": "g.status {dir}, g.id", "ratio": "g.ratio IS NULL, g.ratio {dir}, g.id",
               "subject": "g.subject {dir}, g.id", "scope": "g.scope IS NULL, g.scope {dir}, g.id",
               "target": "g.target_value {dir}, g.id", "unit": "g.unit {dir}, g.target_value DESC, g.id",
               "actual": "g.actual_value IS NULL, g.actual_value {dir}, g.id",
               "at": "g.actual_period IS NULL, g.actual_period {dir}, g.id"},
        default_sort="status",  # the targets with a figure first: in progress, met, missed, no figure
        fields={
            "status": FieldSpec("text", "g.status", "met, missed, in progress, no figure: status:missed",
                                choices=("met", "missed", "in progress", "no figure")),
            "year": FieldSpec("int", "g.target_year", "the target's year: year:2022, year:2025..2030"),
            "unit": FieldSpec("text", "g.unit", "unit, exactly: unit:元"),
            "subject": FieldSpec("fts", "subject", "characters of the subject: subject:收入"),
            "scope": FieldSpec("fts", "scope", "characters of the scope: scope:中关村"),
            "ratio": FieldSpec("num", "g.ratio", "actual / target: ratio<1, ratio>=0.9"),
        },
        facets=schema.FACETS["targets"],
    ),
}

# Each pane's rows as named records (row.subject, row.published), in `select` order.
RECORDS = {pane: namedtuple(f"{pane.title()}Row", spec.row) for pane, spec in SPECS.items()}

ALIASES = {"publication": "pub", "document": "doc", "type": "type", "is_policy": "policy"}
_COMMON_FIELDS = ("sort",)


def fields_help(pane: str) -> list[tuple[str, str]]:
    spec = SPECS[pane]
    out = [(name, f.help) for name, f in spec.fields.items()]
    sorts = ", ".join(spec.sorts)
    out.append(("sort", f"order: sort:NAME or sort:-NAME (descending); NAME is one of {sorts}"))
    return out

