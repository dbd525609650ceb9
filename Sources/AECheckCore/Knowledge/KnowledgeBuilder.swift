import AECheckLanguage
import Foundation

/// Turns raw records into typed knowledge, checking fields and references as it goes.
struct KnowledgeBuilder {
    let records: [RawRecord]
    /// Where each record was defined, by kind and id.
    private var locations: [RecordKey: SourceLocation] = [:]
    private struct RecordKey: Hashable {
        var kind: String
        var id: String
    }
    /// Rule examples with their locations, for the validator: rule id -> (must fire?, field).
    private(set) var examples: [(rule: String, mustFire: Bool, field: RawField)] = []
    /// Flow steps that name another flow, for the cycle check: flow -> [(flow, location)].
    private(set) var includes: [String: [(String, SourceLocation)]] = [:]
    /// Rules whose `when:` did not parse: their examples are read but not evaluated.
    private(set) var unparsedConditions: Set<String> = []
    private var knowledge = KnowledgeBase()
    /// Word sets named by a `{set}` in a phrase or combination.
    private var usedWordSets: Set<String> = []
    /// Each phrase's words (normalised) and the finding that first named them.
    private var phraseOwners: [String: String] = [:]
    /// Each source's section ids, for citation checks.
    private var sectionIDs: [String: Set<String>] = [:]
    /// Citations already checked and found good, by their text.
    private var checkedCitations: [String: Citation] = [:]

    /// Whether phrases are expanded and checked now (validation and full loads); at start-up
    /// they are kept as written and expanded when the free-text reader is first made.
    let checkingPhrases: Bool

    init(records: [RawRecord], checkingPhrases: Bool = true) {
        self.records = records
        self.checkingPhrases = checkingPhrases
    }

    mutating func build(into sink: inout DiagnosticSink) -> KnowledgeBase {
        locations.reserveCapacity(records.count)
        var valid: [RawRecord] = []
        for record in records where checkShape(record, into: &sink) {
            valid.append(record)
        }
        let byKind = Dictionary(grouping: valid, by: \.kind)
        func each(_ kind: String, _ body: (RawRecord) -> Void) { byKind[kind]?.forEach(body) }

        each("source") { addSource($0, into: &sink) }
        each("level") { addLevel($0, into: &sink) }
        each("action") { addAction($0, into: &sink) }
        each("region") { addRegion($0, into: &sink) }
        each("text") { record in
            knowledge.texts[record.id] = wording(record, "patient", "nurse")
            _ = citations(record, required: false, into: &sink)
        }
        each("setting") { knowledge.settings[$0.id] = $0.values("value") }
        for pair in knowledge.list("anchor-fallback") {
            let parts = pair.pieces("=").map { $0.trimmingWhitespace() }
            if parts.count == 2 { knowledge.anchorFallbacks[parts[0]] = parts[1] }
        }
        each("fact") { addFact($0, into: &sink) }
        each("finding") { addFinding($0, into: &sink) }
        each("words") { addWordSet($0, into: &sink) }
        each("phrase") { addPhrases($0, into: &sink) }
        if checkingPhrases { checkWordSetUse(byKind["words"] ?? [], into: &sink) }
        each("advice") { addAdvice($0, into: &sink) }
        each("faq") { addFAQ($0, into: &sink) }
        each("question") { addQuestion($0, into: &sink) }
        each("rule") { addRule($0, into: &sink) }
        var flowSteps: [String: [(String, RawField)]] = [:]
        each("flow") { record in
            flowSteps[record.id] = record.all("step").map { ($0.value, $0) }
            knowledge.flows[record.id] = Flow(id: record.id, title: record.first("title")?.value ?? "", steps: [])
        }
        for (id, steps) in flowSteps {
            let parsed = steps.compactMap { parseStep($0.0, field: $0.1, flow: id, into: &sink) }
            knowledge.flows[id]?.steps = parsed
        }
        expandFlows(flowSteps)
        return knowledge
    }

    // MARK: - Shape

    private mutating func checkShape(_ record: RawRecord, into sink: inout DiagnosticSink) -> Bool {
        guard let schema = RecordSchema.kinds[record.kind] else {
            sink.error(
                .unknownKind(record.kind, suggestion: Suggestion.closest(to: record.kind, in: RecordSchema.kinds.keys)),
                at: record.location)
            return false
        }
        guard Self.isKebab(record.id) else {
            sink.error(.badID(record.id), at: record.location)
            return false
        }
        let key = RecordKey(kind: record.kind, id: record.id)
        if let first = locations.updateValue(record.location, forKey: key) {
            locations[key] = first
            sink.error(.duplicateID(record.id, kind: record.kind, first: first), at: record.location)
            return false
        }
        var ok = true
        var seen = [Bool](repeating: false, count: schema.count)
        for field in record.fields.indices {
            let name = record.fields[field].name
            guard let index = schema.firstIndex(where: { $0.name.isSameWord(as: name) }) else {
                sink.error(
                    .unknownField(
                        name, kind: record.kind, suggestion: Suggestion.closest(to: name, in: schema.map(\.name))),
                    at: record.fields[field].location)
                continue
            }
            if !schema[index].repeats, seen[index] {
                sink.error(.repeatedField(name), at: record.fields[field].location)
            }
            seen[index] = true
        }
        for (index, rule) in schema.enumerated() where rule.required && !seen[index] {
            if rule.name == "cite" {
                // Reported, but the record stays usable: references to it should still resolve.
                sink.error(.missingCitation(record.kind), at: record.location)
            } else {
                sink.error(.missingField(rule.name, kind: record.kind), at: record.location)
                ok = false
            }
        }
        return ok
    }

    /// `text.lastIndex(of: character)` for an ASCII character, searching the bytes when the
    /// text is ASCII without carriage returns (then every byte is one character).
    static func lastIndex(of character: Character, in text: String) -> String.Index? {
        guard let byte = character.asciiValue, text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return text.lastIndex(of: character)
        }
        return text.utf8.lastIndex(of: byte)
    }

    static func isKebab(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    // MARK: - Records

    private mutating func addSource(_ record: RawRecord, into sink: inout DiagnosticSink) {
        let sections = record.all("section").compactMap { field -> (String, String)? in
            let parts = field.value.pieces("|", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard let id = parts.first, !id.isEmpty else {
                sink.error(.badValue("section", field.value, expected: "'ID | HEADING'"), at: field.valueLocation)
                return nil
            }
            return (id, parts.count > 1 ? parts[1] : id)
        }
        sectionIDs[record.id] = Set(sections.map(\.0))
        knowledge.sources[record.id] = Source(
            id: record.id, title: record.first("title")?.value ?? "", file: record.first("file")?.value,
            sections: sections.map { (id: $0.0, heading: $0.1) })
    }

    private mutating func addLevel(_ record: RawRecord, into sink: inout DiagnosticSink) {
        guard let field = record.first("rank"), let rank = Int(field.value) else {
            let field = record.first("rank")!
            sink.error(.badValue("rank", field.value, expected: "a whole number"), at: field.valueLocation)
            return
        }
        var level = Level(
            id: record.id, rank: rank, label: record.first("label")?.value ?? record.id.uppercased(),
            wording: wording(record, "patient", "nurse"), key: record.first("key")?.value,
            stoppedWording: record.first("stopped")?.value)
        level.centreWording = record.first("centre")?.value
        knowledge.levels[record.id] = level
    }

    private mutating func addRegion(_ record: RawRecord, into sink: inout DiagnosticSink) {
        knowledge.regions[record.id] = Region(
            id: record.id, name: record.first("name")?.value ?? record.id,
            emergency: record.first("emergency")?.value ?? "", urgent: record.first("urgent")?.value,
            crisis: record.first("crisis")?.value ?? "", citations: citations(record, into: &sink),
            monthFirst: record.first("dates")?.value == "month-first")
        if let dates = record.first("dates"), !["month-first", "day-first"].contains(dates.value) {
            sink.error(
                .badValue("dates", dates.value, expected: "'day-first' or 'month-first'"), at: dates.valueLocation)
        }
    }

    private mutating func addAction(_ record: RawRecord, into sink: inout DiagnosticSink) {
        var tags: Set<String> = []
        if let field = record.first("tags") {
            tags = Set(field.value.splitting(on: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
            for tag in tags.sorted() where !AdviceLine.knownTags.contains(tag) {
                sink.error(
                    .badValue("tags", tag, expected: "a tag: " + AdviceLine.knownTags.sorted().joined(separator: ", ")),
                    at: field.valueLocation)
            }
        }
        knowledge.actions[record.id] = Action(
            id: record.id, label: record.first("label")?.value ?? record.id,
            wording: wording(record, "patient", "nurse"), key: record.first("key")?.value, tags: tags)
    }

    private mutating func addFact(_ record: RawRecord, into sink: inout DiagnosticSink) {
        let typeField = record.first("type")!
        let type: FactType
        switch typeField.value {
        case "choice":
            let values = record.all("value").map { options($0.value) }.map {
                (id: $0[0], label: $0.count > 1 ? $0[1] : $0[0])
            }
            if values.isEmpty { sink.error(.missingField("value", kind: "choice fact"), at: record.location) }
            type = .choice(values)
        case "yesno": type = .yesNo
        case "number":
            type = .number(
                min: record.first("min").flatMap { Double($0.value) },
                max: record.first("max").flatMap { Double($0.value) },
                unit: record.first("unit")?.value)
        default:
            sink.error(
                .badValue("fact type", typeField.value, expected: "choice, yesno or number"),
                at: typeField.valueLocation)
            return
        }
        knowledge.facts[record.id] = Fact(id: record.id, name: wording(record, "patient", "nurse"), type: type)
    }

    private mutating func addFinding(_ record: RawRecord, into sink: inout DiagnosticSink) {
        for field in record.all("figure") {
            guard let open = Self.lastIndex(of: "[", in: field.value), field.value.hasSuffix("]") else {
                sink.error(.missingCitation("figure"), at: field.valueLocation)
                continue
            }
            let inner = field.value[field.value.index(after: open)..<field.value.index(before: field.value.endIndex)]
            let location = SourceLocation(
                file: field.valueLocation.file, line: field.valueLocation.line,
                column: field.valueLocation.column + field.value.distance(from: field.value.startIndex, to: open) + 1)
            _ = citation(String(inner), at: location, kind: "finding", id: record.id, into: &sink)
        }
        var finding = Finding(
            id: record.id, name: wording(record, "patient", "nurse"), groups: record.values("group"),
            figures: record.values("figure"), citations: citations(record, into: &sink))
        if let field = record.first("sets") {
            let parts = field.value.pieces("=").map { $0.trimmingWhitespace() }
            if parts.count == 2, let fact = knowledge.facts[parts[0]], FactValue(parts[1], type: fact.type) != nil {
                finding.setsFact = parts[0]
                finding.setsValue = parts[1]
            } else if parts.count == 2, knowledge.facts[parts[0]] == nil {
                reference(parts[0], kind: "fact", in: knowledge.facts.keys, at: field.valueLocation, into: &sink)
            } else {
                sink.error(
                    .badValue("sets", field.value, expected: "'FACT=VALUE' with a value the fact takes"),
                    at: field.valueLocation)
            }
        }
        if let field = record.first("anchor") {
            reference(field.value, kind: "anchor", in: RecordSchema.anchors, at: field.valueLocation, into: &sink)
            if field.value == "onset" {
                sink.error(
                    .badValue("anchor", field.value, expected: "an anchor other than onset"), at: field.valueLocation)
            }
            finding.anchor = field.value
        }
        knowledge.findings[record.id] = finding
    }

    private mutating func addWordSet(_ record: RawRecord, into sink: inout DiagnosticSink) {
        knowledge.wordSets[record.id] = record.values("say").flatMap { $0.splitting(on: ",") }
            .map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
        _ = citations(record, required: false, into: &sink)
    }

    /// A phrase record's `say:` phrases (a `{set}` in one stands for each of the set's
    /// alternatives) and `combine:` lines ("{lips} + {swell}": two parts, each a `{set}` or
    /// words separated by `|`).
    private mutating func addPhrases(_ record: RawRecord, into sink: inout DiagnosticSink) {
        guard checkingPhrases else {
            knowledge.phraseSources[record.id] = PhraseSource(
                says: record.values("say").map { $0.lowercased() },
                combines: record.values("combine").map { $0.lowercased() })
            return
        }
        var phrases: [String] = []
        for field in record.all("say") {
            for phrase in expand(field.value.lowercased(), field: field, into: &sink) {
                let key = Tokenizer.words(of: phrase).joined(separator: " ")
                if let owner = phraseOwners[key], owner != record.id {
                    sink.warning(.unreachablePhrase(phrase, shadowedBy: owner), at: field.valueLocation)
                }
                phraseOwners[key] = phraseOwners[key] ?? record.id
                phrases.append(phrase)
            }
        }
        var combinations: [[[String]]] = []
        for field in record.all("combine") {
            var used = usedWordSets
            var unknown: [String] = []
            let parts = LexiconPattern.combination(
                field.value.lowercased(), sets: knowledge.wordSets, named: { used.insert($0) },
                unknown: { unknown.append($0) })
            usedWordSets = used
            unknown.forEach { reportUnknownSet($0, at: field, into: &sink) }
            guard let parts else {
                // A part left empty by an unknown word set was reported where it was named.
                if unknown.isEmpty { sink.error(.badCombination(field.value), at: field.valueLocation) }
                continue
            }
            combinations.append(parts)
        }
        if phrases.isEmpty && combinations.isEmpty {
            sink.error(.emptyPhraseRecord(record.id), at: record.location)
        }
        knowledge.phrases[record.id] = phrases
        if !combinations.isEmpty { knowledge.combinations[record.id] = combinations }
    }

    /// Every phrase a `say:` stands for (`LexiconPattern.expand`); an unknown set is an error
    /// and stands for nothing.
    private mutating func expand(_ pattern: String, field: RawField, into sink: inout DiagnosticSink) -> [String] {
        var used = usedWordSets
        var unknown: [String] = []
        let phrases = LexiconPattern.expand(
            pattern, sets: knowledge.wordSets, named: { used.insert($0) }, unknown: { unknown.append($0) })
        usedWordSets = used
        unknown.forEach { reportUnknownSet($0, at: field, into: &sink) }
        return phrases ?? []
    }

    private func reportUnknownSet(_ name: String, at field: RawField, into sink: inout DiagnosticSink) {
        sink.error(
            .unknownReference("word set", name, suggestion: Suggestion.closest(to: name, in: knowledge.wordSets.keys)),
            at: field.valueLocation)
    }

    private func checkWordSetUse(_ records: [RawRecord], into sink: inout DiagnosticSink) {
        for record in records where !usedWordSets.contains(record.id) {
            sink.warning(.unusedWordSet(record.id), at: record.location)
        }
    }

    private mutating func addAdvice(_ record: RawRecord, into sink: inout DiagnosticSink) {
        knowledge.advice[record.id] = Advice(
            id: record.id, nowLines: adviceLines(record, "now", into: &sink),
            watchLines: adviceLines(record, "watch", into: &sink),
            selfCareLines: adviceLines(record, "selfcare", into: &sink), nurseNow: record.values("nurse-now"),
            nurseWatch: record.values("nurse-watch"), citations: citations(record, into: &sink))
    }

    /// The lines of one advice field; an unknown tag is an error.
    private func adviceLines(_ record: RawRecord, _ field: String, into sink: inout DiagnosticSink) -> [AdviceLine] {
        record.all(field).map { raw in
            let line = AdviceLine(parsing: raw.value)
            for tag in line.tags.sorted() where !AdviceLine.knownTags.contains(tag) {
                if tag.hasPrefix(AdviceLine.watchesPrefix) { continue }
                sink.error(
                    .badValue(
                        field, tag,
                        expected: "a tag: " + AdviceLine.knownTags.sorted().joined(separator: ", ")
                            + ", or watches-FINDING"),
                    at: raw.valueLocation)
            }
            for finding in line.watched {
                reference(finding, kind: "finding", in: knowledge.findings.keys, at: raw.valueLocation, into: &sink)
            }
            return line
        }
    }

    private mutating func addFAQ(_ record: RawRecord, into sink: inout DiagnosticSink) {
        knowledge.faqs.append(
            FAQ(
                id: record.id, question: record.first("q")?.value ?? "", answer: record.values("a"),
                citations: citations(record, into: &sink)))
    }

    private mutating func addQuestion(_ record: RawRecord, into sink: inout DiagnosticSink) {
        let typeField = record.first("type")!
        guard let type = QuestionType(rawValue: typeField.value) else {
            sink.error(
                .badValue(
                    "question type", typeField.value,
                    expected: "findings, yesno, choice, number, time, trend, text or boundary"),
                at: typeField.valueLocation)
            return
        }
        let optionList = record.all("option").map { field -> Option in
            let parts = options(field.value)
            let patient = parts.count > 1 ? parts[1] : parts[0]
            return Option(
                id: parts[0], label: Wording(patient: patient, nurse: parts.count > 2 ? parts[2] : patient),
                alsoTyped: parts.count > 3 ? list(parts[3]).map(\.typedForm) : [])
        }
        var sets: [String: (fact: String, value: String)] = [:]
        for field in record.all("sets") {
            let parts = field.value.pieces(" ", maxSplits: 1).map(String.init)
            let assignment =
                parts.count > 1 ? parts[1].pieces("=").map { $0.trimmingWhitespace() } : []
            guard parts.count == 2, assignment.count == 2, optionList.contains(where: { $0.id == parts[0] }) else {
                sink.error(
                    .badValue("sets", field.value, expected: "'OPTION FACT=VALUE' naming an option"),
                    at: field.valueLocation)
                continue
            }
            sets[parts[0]] = (assignment[0], assignment[1])
        }
        let useField = record.first("use")
        if let useField, !["followup", "not-understood"].contains(useField.value) {
            sink.error(
                .badValue("use", useField.value, expected: "'followup' or 'not-understood'"), at: useField.valueLocation
            )
        }
        var edge: BoundaryEdge?
        if let field = record.first("edge") {
            edge = BoundaryEdge(field.value)
            if edge == nil || type != .boundary {
                sink.error(
                    .badValue(
                        "edge", field.value, expected: "'ago', 'after ANCHOR' or 'at ANCHOR', on a boundary question"),
                    at: field.valueLocation)
            } else if let anchor = edge?.anchor {
                reference(anchor, kind: "anchor", in: RecordSchema.anchors, at: field.valueLocation, into: &sink)
            }
        }
        let unsureField = record.first("unsure")
        if let unsureField, !["one-by-one", "all-unknown"].contains(unsureField.value) {
            sink.error(
                .badValue("unsure", unsureField.value, expected: "'one-by-one' or 'all-unknown'"),
                at: unsureField.valueLocation)
        }
        var onsetWithin: TimeSpan?
        if let field = record.first("onset-within") {
            onsetWithin = TimeSpan(field.value)
            if onsetWithin == nil || type != .findings {
                sink.error(
                    .badValue("onset-within", field.value, expected: "a span such as '1d', on a findings question"),
                    at: field.valueLocation)
            }
        }
        var question = Question(
            id: record.id, type: type, ask: wording(record, "ask", "nurse"),
            findings: record.values("finding"),
            fact: record.first("fact")?.value, anchor: record.first("anchor")?.value, options: optionList, sets: sets,
            unsureOneByOne: unsureField?.value == "one-by-one", onsetWithin: onsetWithin, edge: edge,
            followup: useField?.value == "followup", help: record.first("help")?.value, location: record.location)
        if let one = record.first("ask-one")?.value {
            question.askOne = Wording(
                patient: one, nurse: record.first("nurse-one")?.value ?? question.ask.nurse,
                carer: record.first("carer-one")?.value)
        }
        if let field = record.first("when") {
            var parser = ConditionParser(field.value)
            switch parser.parse() {
            case .success(let parsed):
                question.when = bind(parsed, rule: "question \(record.id)", at: field.valueLocation, into: &sink)
            case .failure(let failure):
                var location = field.valueLocation
                location.column += failure.offset
                sink.error(.badCondition(failure.message), at: location)
            }
        }
        let known = Set(question.options.map(\.id) + question.findings)
        for field in record.all("carer-option") {
            let parts = options(field.value)
            guard parts.count == 2, known.contains(parts[0]), !parts[1].isEmpty else {
                sink.error(
                    .badValue("carer-option", field.value, expected: "'OPTION | LABEL' naming an option or finding"),
                    at: field.valueLocation)
                continue
            }
            question.carerOptions[parts[0]] = parts[1]
        }
        if useField?.value == "not-understood" { knowledge.notUnderstoodQuestion = record.id }
        checkQuestion(question, record: record, into: &sink)
        _ = citations(record, required: false, into: &sink)
        knowledge.questions[record.id] = question
        knowledge.questionOrder.append(record.id)
    }

    private func checkQuestion(_ question: Question, record: RawRecord, into sink: inout DiagnosticSink) {
        for field in record.all("finding") {
            reference(field.value, kind: "finding", in: knowledge.findings.keys, at: field.valueLocation, into: &sink)
        }
        if let field = record.first("fact") {
            reference(field.value, kind: "fact", in: knowledge.facts.keys, at: field.valueLocation, into: &sink)
        }
        if let field = record.first("anchor") {
            reference(field.value, kind: "anchor", in: RecordSchema.anchors, at: field.valueLocation, into: &sink)
        }
        for (_, assignment) in question.sets {
            let field = record.all("sets").first { $0.value.contains(assignment.fact) }!
            reference(assignment.fact, kind: "fact", in: knowledge.facts.keys, at: field.valueLocation, into: &sink)
        }
        let needs: String? =
            switch question.type {
            case .findings: question.findings.isEmpty ? "finding" : nil
            case .yesno: question.findings.count == 1 || question.fact != nil ? nil : "finding"
            case .choice, .number: question.fact == nil ? "fact" : nil
            case .time: question.anchor == nil ? "anchor" : nil
            case .trend: question.options.isEmpty ? "option" : nil
            case .text: nil
            case .boundary:
                question.edge == nil
                    ? "edge"
                    : Set(question.options.map(\.id)) == ["earlier", "later"] ? nil : "option: earlier and later"
            }
        if let needs {
            sink.error(.missingField(needs, kind: "\(question.type.rawValue) question"), at: record.location)
        }
    }

    private mutating func addRule(_ record: RawRecord, into sink: inout DiagnosticSink) {
        let levelField = record.first("level")!
        reference(levelField.value, kind: "level", in: knowledge.levels.keys, at: levelField.valueLocation, into: &sink)
        let actions = record.first("actions").map { list($0.value) } ?? []
        if let field = record.first("actions") {
            for action in actions {
                reference(action, kind: "action", in: knowledge.actions.keys, at: field.valueLocation, into: &sink)
            }
        }
        let adviceIDs = record.all("advice").flatMap { list($0.value) }
        for field in record.all("advice") {
            for id in list(field.value) {
                reference(id, kind: "advice", in: knowledge.advice.keys, at: field.valueLocation, into: &sink)
            }
        }
        let whenField = record.first("when")!
        var parser = ConditionParser(whenField.value)
        var condition = Condition.always
        switch parser.parse() {
        case .success(let parsed):
            condition = bind(parsed, rule: record.id, at: whenField.valueLocation, into: &sink)
        case .failure(let failure):
            var location = whenField.valueLocation
            location.column += failure.offset
            sink.error(.badCondition(failure.message), at: location)
            unparsedConditions.insert(record.id)
        }
        if let decision = record.first("decision"), !["hold", "note"].contains(decision.value) {
            sink.error(.badValue("decision", decision.value, expected: "hold or note"), at: decision.valueLocation)
        }
        for field in record.fields where field.name == "example" || field.name == "near-miss" {
            examples.append((record.id, field.name == "example", field))
        }
        knowledge.rules.append(
            Rule(
                id: record.id, level: levelField.value, condition: condition, conditionText: whenField.value,
                actions: actions, advice: adviceIDs, reason: wording(record, "reason", "nurse"),
                citations: citations(record, into: &sink), decision: record.first("decision")?.value,
                location: record.location))
    }

    /// Resolves bare names to findings and yes/no facts, checking every reference.
    private func bind(
        _ condition: Condition, rule: String, at location: SourceLocation, into sink: inout DiagnosticSink
    ) -> Condition {
        switch condition {
        case .name(let id, let status, let qualifiers):
            for anchor in Condition.name(id, status, qualifiers).anchorIDs {
                reference(anchor, kind: "anchor", in: RecordSchema.anchors, at: location, into: &sink)
            }
            if knowledge.findings[id] != nil { return .finding(id, status, qualifiers) }
            if let fact = knowledge.facts[id], qualifiers.isEmpty, status == .present {
                if fact.type != .yesNo {
                    sink.error(
                        .badValue("yes/no test", id, expected: "a yes/no fact, or a comparison such as '\(id) = ...'"),
                        at: location)
                }
                return .factIsYes(id)
            }
            reference(
                id, kind: "finding or fact", in: Array(knowledge.findings.keys) + knowledge.facts.keys, at: location,
                into: &sink)
            return .finding(id, status, qualifiers)
        case .fact(let id, let comparison, let value):
            guard let fact = knowledge.facts[id] else {
                reference(id, kind: "fact", in: knowledge.facts.keys, at: location, into: &sink)
                return condition
            }
            if value == "unknown" {
                // `FACT = unknown`: answered "not sure"; a plain yes or no, for any fact type.
                if comparison != .equal && comparison != .notEqual {
                    sink.error(
                        .badValue("comparison", comparison.rawValue, expected: "'=' or '!=' with unknown"), at: location
                    )
                }
                return condition
            }
            switch fact.type {
            case .choice(let values):
                if !values.contains(where: { $0.id == value }) {
                    reference(value, kind: "value of '\(id)'", in: values.map(\.id), at: location, into: &sink)
                }
                if comparison != .equal && comparison != .notEqual {
                    sink.error(
                        .badValue("comparison", comparison.rawValue, expected: "'=' or '!=' for a choice"), at: location
                    )
                }
            case .yesNo:
                if !["yes", "no"].contains(value) {
                    sink.error(.badValue("yes/no value", value, expected: "yes or no"), at: location)
                }
            case .number:
                if Double(value) == nil { sink.error(.badValue("number", value, expected: "a number"), at: location) }
            }
            return condition
        case .since(let anchor, _, _):
            reference(anchor, kind: "anchor", in: RecordSchema.anchors, at: location, into: &sink)
            return condition
        case .all(let items): return .all(items.map { bind($0, rule: rule, at: location, into: &sink) })
        case .any(let items): return .any(items.map { bind($0, rule: rule, at: location, into: &sink) })
        case .atLeast(let count, let items):
            if count > items.count {
                sink.error(
                    .ruleNeverFires(rule, because: "at least \(count) of \(items.count) can never hold"), at: location)
            }
            return .atLeast(count, items.map { bind($0, rule: rule, at: location, into: &sink) })
        case .not(let inner): return .not(bind(inner, rule: rule, at: location, into: &sink))
        case .finding, .factIsYes, .always, .noneReported: return condition
        }
    }

    private mutating func parseStep(
        _ text: String, field: RawField, flow: String, into sink: inout DiagnosticSink
    ) -> FlowStep? {
        // `ask QUESTION when CONDITION` (and `always ...`): the step, taken only when the condition
        // is not false.
        if let range = text.range(of: " when "), ["ask", "always"].contains(text.splitting(on: " ").first ?? "") {
            guard let inner = parseStep(String(text[..<range.lowerBound]), field: field, flow: flow, into: &sink)
            else { return nil }
            let conditionText = String(text[range.upperBound...])
            var parser = ConditionParser(conditionText)
            switch parser.parse() {
            case .success(let parsed):
                var location = field.valueLocation
                location.column += text.distance(from: text.startIndex, to: range.upperBound)
                return .when(inner, bind(parsed, rule: "flow \(flow)", at: location, into: &sink))
            case .failure(let failure):
                var location = field.valueLocation
                location.column += text.distance(from: text.startIndex, to: range.upperBound) + failure.offset
                sink.error(.badCondition(failure.message), at: location)
                return nil
            }
        }
        let parts = text.splitting(on: " ")
        let argument = parts.count > 1 ? parts[1] : ""
        func question() -> Bool {
            reference(argument, kind: "question", in: knowledge.questions.keys, at: field.valueLocation, into: &sink)
            return knowledge.questions[argument] != nil
        }
        switch parts.first ?? "" {
        case "screen": return question() ? .screen(argument) : nil
        case "ask": return question() ? .ask(argument) : nil
        case "always": return question() ? .always(argument) : nil
        case "text": return question() ? .text(argument) : nil
        case "followups": return .followups
        case "outcome": return .outcome
        case "decision": return .decision
        case "flow":
            reference(argument, kind: "flow", in: knowledge.flows.keys, at: field.valueLocation, into: &sink)
            includes[flow, default: []].append((argument, field.valueLocation))
            return nil
        default:
            sink.error(
                .badValue(
                    "flow step", text, expected: "screen, ask, always, text, followups, flow, outcome or decision"),
                at: field.valueLocation)
            return nil
        }
    }

    /// Replaces `flow X` steps by X's steps (cycles are reported by the validator and cut here).
    private mutating func expandFlows(_ raw: [String: [(String, RawField)]]) {
        func expand(_ id: String, visiting: Set<String>) -> [FlowStep] {
            guard let steps = raw[id], !visiting.contains(id) else { return [] }
            var result: [FlowStep] = []
            var own = knowledge.flows[id]?.steps[...] ?? []
            for (text, _) in steps {
                if text.hasPrefix("flow ") {
                    result += expand(String(text.dropFirst(5)), visiting: visiting.union([id]))
                } else if let step = own.first {
                    result.append(step)
                    own = own.dropFirst()
                }
            }
            return result
        }
        var expanded: [String: [FlowStep]] = [:]
        for id in raw.keys { expanded[id] = expand(id, visiting: []) }
        for (id, steps) in expanded { knowledge.flows[id]?.steps = steps }
    }

    // MARK: - Helpers

    private func wording(_ record: RawRecord, _ patient: String, _ nurse: String) -> Wording {
        Wording(
            patient: record.first(patient)?.value ?? "", nurse: record.first(nurse)?.value ?? "",
            carer: record.first("carer")?.value)
    }

    private func options(_ value: String) -> [String] {
        value.pieces("|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
    }

    private func list(_ value: String) -> [String] {
        value.splitting(on: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    private mutating func citations(
        _ record: RawRecord, required: Bool = true, into sink: inout DiagnosticSink
    ) -> [Citation] {
        record.all("cite").compactMap {
            citation($0.value, at: $0.valueLocation, kind: record.kind, id: record.id, into: &sink)
        }
    }

    private mutating func citation(
        _ text: String, at location: SourceLocation, kind: String, id: String, into sink: inout DiagnosticSink
    ) -> Citation? {
        // Most citations are written many times; each distinct text is checked once.
        if let known = checkedCitations[text] {
            knowledge.citationUses.append(CitationUse(source: known.source, section: known.section, kind: kind, id: id))
            return known
        }
        let parts = text.splitting(on: " ")
        guard let sourceID = parts.first, parts.count <= 2 else {
            sink.error(.badValue("citation", text, expected: "'SOURCE' or 'SOURCE SECTION'"), at: location)
            return nil
        }
        guard let source = knowledge.sources[sourceID] else {
            reference(sourceID, kind: "source", in: knowledge.sources.keys, at: location, into: &sink)
            return nil
        }
        let section = parts.count > 1 ? parts[1] : nil
        if let section, !(sectionIDs[sourceID]?.contains(section) ?? false) {
            var sectionLocation = location
            sectionLocation.column += sourceID.count + 1
            reference(
                section, kind: "section of '\(sourceID)'", in: source.sections.map(\.id), at: sectionLocation,
                into: &sink)
            return nil
        }
        knowledge.citationUses.append(CitationUse(source: sourceID, section: section, kind: kind, id: id))
        checkedCitations[text] = Citation(source: sourceID, section: section)
        return Citation(source: sourceID, section: section)
    }

    private func reference(
        _ name: String, kind: String, in candidates: some Sequence<String>, at location: SourceLocation,
        into sink: inout DiagnosticSink
    ) {
        // `contains` first: a dictionary's keys answer it without a scan or a copy.
        guard !candidates.contains(name) else { return }
        let all = Array(candidates)
        sink.error(.unknownReference(kind, name, suggestion: Suggestion.closest(to: name, in: all)), at: location)
    }
}
