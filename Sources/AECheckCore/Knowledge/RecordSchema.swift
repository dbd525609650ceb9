import AECheckLanguage
/// Which fields each record kind takes (see Knowledge/README.md).
enum RecordSchema {
    struct Field {
        var name: String
        var required: Bool
        var repeats: Bool
    }

    private static func one(_ name: String) -> Field { Field(name: name, required: true, repeats: false) }
    private static func optional(_ name: String) -> Field { Field(name: name, required: false, repeats: false) }
    private static func many(_ name: String, required: Bool = false) -> Field {
        Field(name: name, required: required, repeats: true)
    }

    static let kinds: [String: [Field]] = [
        "source": [one("title"), optional("file"), optional("url"), many("section"), many("note")],
        "finding": [
            one("patient"), one("nurse"), many("group"), many("figure"), many("cite", required: true), many("note"),
            optional("sets"), optional("anchor"),
        ],
        "phrase": [many("say"), many("combine"), many("note")],
        "words": [many("say", required: true), many("cite"), many("note")],
        "fact": [
            one("type"), one("patient"), one("nurse"), many("value"), optional("unit"), optional("min"),
            optional("max"), many("note"),
        ],
        "question": [
            one("type"), one("ask"), one("nurse"), optional("carer"), many("finding"), optional("fact"),
            optional("anchor"), many("option"), many("sets"), optional("unsure"), optional("onset-within"),
            optional("edge"), optional("use"), optional("help"), many("cite"), many("note"), optional("when"),
            many("carer-option"),
            optional("ask-one"), optional("carer-one"), optional("nurse-one"),
        ],
        "rule": [
            one("level"), one("when"), optional("actions"), many("advice", required: true), one("reason"),
            one("nurse"), many("cite", required: true), many("example", required: true),
            many("near-miss", required: true), optional("decision"), many("note"),
        ],
        "advice": [
            many("now"), many("watch"), many("selfcare"), many("nurse-now"), many("nurse-watch"),
            many("cite", required: true), many("note"),
        ],
        "flow": [one("title"), many("step", required: true), many("note")],
        "level": [
            one("rank"), one("label"), one("patient"), one("nurse"), optional("key"), optional("stopped"),
            optional("centre"),
            many("note"),
        ],
        "region": [
            one("name"), one("emergency"), optional("urgent"), one("crisis"), optional("dates"),
            many("cite", required: true),
            many("note"),
        ],
        "action": [
            one("label"), one("patient"), one("nurse"), optional("carer"), optional("key"), optional("tags"),
            many("note"),
        ],
        "faq": [one("q"), many("a", required: true), many("cite", required: true), many("note")],
        "text": [one("patient"), one("nurse"), optional("carer"), many("cite"), many("note")],
        "setting": [many("value", required: true), many("note")],
    ]

    /// Anchors the evidence model knows.
    static let anchors = [
        "infusion-start", "infusion-end", "last-infusion", "stopped-treatment", "treatment-start", "antibody-test",
        "onset",
    ]
}
