import AECheckLanguage
import Foundation

/// The patient's (or carer's) result page: which advice lines show, in what order.
///
/// The rules are the knowledge's: advice lines carry keys and tags (`AdviceLine`), and
/// settings say the order of keys (`page-order`, with `*` for every other line) and how
/// many lines each part holds (`page-now-most`, `page-watch-most`, `page-selfcare-most`,
/// and `page-selfcare-up-to`, the most urgent level that shows self-care tips).
struct PatientPage {
    let now: [String]
    let watch: [String]
    let selfCare: [String]
    let reasons: [Reason]

    /// `stopped`: the person said when they stopped the drug (lines tagged `on-treatment`
    /// are left out, lines tagged `stopped` shown). `reported`: the signs reported present;
    /// a line tagged `watches-FINDING` for one of them is left out ("call again if the lamp
    /// glows" to someone whose lamp is glowing).
    init(
        renderer: Renderer, outcome: Outcome, place: FactValue?, stopped: Bool = false, reported: Set<String> = []
    ) {
        let knowledge = renderer.knowledge
        let who = renderer.audience == .carer ? "carer" : "self"
        let placeID: String? = if case .choice(let id) = place { id } else { nil }
        func fits(_ line: AdviceLine) -> Bool {
            if line.tags.contains(stopped ? "on-treatment" : "stopped") { return false }
            if line.tags.contains("action") { return true }
            if line.watched.contains(where: reported.contains) { return false }
            if line.tags.contains("self") || line.tags.contains("carer"), !line.tags.contains(who) { return false }
            let places = line.tags.intersection(["centre", "home"])
            if let placeID, !places.isEmpty, !places.contains(placeID) { return false }
            return true
        }
        let advice = outcome.advice.compactMap { knowledge.advice[$0] }
        let level = knowledge.levels[outcome.level]
        // The actions (stop the drip, hold the next dose) always keep their place on the page,
        // unless an advice line with their key (which comes first) says the same more fully.
        var candidates = advice.flatMap(\.nowLines)
        candidates += outcome.actions.compactMap { id in
            guard let action = knowledge.actions[id] else { return nil }
            var line = AdviceLine(parsing: action.wording.text(for: renderer.audience))
            line.key = action.key
            line.tags = action.tags.union(["action"])
            return line
        }
        // Where a rule says the person may be at the infusion centre (an action tagged
        // `centre`: the drip may be running, or it is the infusion and its observation hour),
        // the page takes `page-order-centre`: the nurse there comes first.
        let atCentre = outcome.actions.contains { knowledge.actions[$0]?.tags.contains("centre") == true }
        let centreOrder = knowledge.list("page-order-centre")
        let order = atCentre && !centreOrder.isEmpty ? centreOrder : knowledge.list("page-order")
        let rest = order.firstIndex(of: "*") ?? order.count
        func rank(_ line: AdviceLine) -> Int { line.key.flatMap { order.firstIndex(of: $0) } ?? rest }
        var taken = PageLines(fill: renderer.fill)
        if let key = level?.key { taken.keys.insert(key) }
        let sorted = candidates.filter(fits).enumerated().sorted {
            (rank($0.element), $0.offset) < (rank($1.element), $1.offset)
        }.map(\.element)
        now = taken.take(sorted, most: knowledge.number("page-now-most", default: 5))
        watch = taken.take(
            advice.flatMap(\.watchLines).filter(fits), most: knowledge.number("page-watch-most", default: 4))
        let selfCareUpTo = knowledge.list("page-selfcare-up-to").first.map(knowledge.rank(of:)) ?? Int.max
        selfCare =
            knowledge.rank(of: outcome.level) <= selfCareUpTo
            ? taken.take(
                advice.flatMap(\.selfCareLines).filter(fits), most: knowledge.number("page-selfcare-most", default: 3))
            : []
        // A reason with nothing reported behind it (the standing safety net) only when it is
        // alone; a reason at the least urgent level ("can be looked after at home") only on a
        // page at that level, where it cannot read against the headline.
        let lowest = knowledge.levelsByRank.first?.rank
        let fitting = outcome.reasons.filter {
            knowledge.rank(of: $0.level) != lowest || knowledge.rank(of: outcome.level) == lowest
        }
        let specific = fitting.filter { !$0.findings.isEmpty || !$0.assumptions.isEmpty }
        reasons = specific.isEmpty ? (fitting.isEmpty ? outcome.reasons : fitting) : specific
    }
}

/// The lines already on a page: a key or a sentence shows once.
private struct PageLines {
    let fill: (String) -> String
    var keys: Set<String> = []
    var texts: Set<String> = []

    /// The lines not yet on the page, at most `most`, in their order; lines tagged `action`
    /// are kept before any other line is let in.
    mutating func take(_ lines: [AdviceLine], most: Int) -> [String] {
        var fresh: [(text: String, action: Bool)] = []
        for line in lines {
            let text = fill(line.text)
            if let key = line.key {
                guard !keys.contains(key) else { continue }
                keys.insert(key)
            }
            guard !texts.contains(text) else { continue }
            texts.insert(text)
            fresh.append((text, line.tags.contains("action")))
        }
        var room = max(0, most - fresh.filter(\.action).count)
        var kept: [String] = []
        for line in fresh {
            if !line.action {
                guard room > 0 else { continue }
                room -= 1
            }
            kept.append(line.text)
        }
        return kept
    }
}

extension Evidence {
    /// Remembers whether the person's words told a current sign of someone else (and whether
    /// it was an emergency sign), for the line the page shows about it.
    mutating func noteSomeoneElse(_ matches: [TextMatch], interview: Interview) {
        if matches.contains(where: { $0.aboutSomeoneElse && $0.temporality == .current && $0.status == .present }) {
            someoneElseSigns = true
        }
        if matches.contains(where: interview.isSomeoneElsesEmergency) { someoneElseEmergency = true }
    }
}

extension KnowledgeBase {
    /// A whole-number setting, or `default` when it is not set.
    func number(_ setting: String, default fallback: Int) -> Int {
        list(setting).first.flatMap { Int($0) } ?? fallback
    }
}
