import AECheckLanguage
import Foundation

/// Whether a finding is there, as the person told it.
public enum FindingStatus: String, Hashable, Sendable, Codable {
    case present, absent, unknown
}

/// How a finding is changing.
public enum Trend: String, Hashable, Sendable, Codable, CaseIterable {
    case better, same, worse
    /// Gone altogether: a kind of better ("trend better" holds), and the only one that
    /// "trend gone" names.
    case gone
}

/// Where a piece of evidence came from, so a result can say why it believes it.
public enum EvidenceOrigin: Hashable, Sendable {
    /// Understood from free text: the words as typed.
    case text(String)
    /// An answer to a question, by question id.
    case answer(String)
    /// Given in an evidence document (`aecheck assess`) or a rule example.
    case document
}

/// What is known about one finding.
public struct FindingEvidence: Hashable, Sendable {
    /// The finding's id in the knowledge.
    public var id: String
    /// Present, absent or unknown.
    public var status: FindingStatus
    /// When it began, if known: an instant or a band.
    public var onset: TimeBand?
    /// How it is changing, if known.
    public var trend: Trend?
    /// Where this came from.
    public var origin: EvidenceOrigin

    /// Creates finding evidence.
    public init(
        id: String, status: FindingStatus, onset: TimeBand? = nil, trend: Trend? = nil,
        origin: EvidenceOrigin = .document
    ) {
        self.id = id
        self.status = status
        self.onset = onset
        self.trend = trend
        self.origin = origin
    }

    /// Hashes the id, and the rest as numbers: the status and trend would hash as their names
    /// (strings), and the origin (possibly the words typed) seldom differs where the rest
    /// agrees. Equal findings hash the same, as they must; `==` still compares everything.
    /// (Whole evidence is hashed at every step of an interview, to look its triage up.)
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        let status: Int =
            switch self.status {
            case .present: 0
            case .absent: 1
            case .unknown: 2
            }
        let trend: Int =
            switch self.trend {
            case nil: 0
            case .better: 1
            case .same: 2
            case .worse: 3
            case .gone: 4
            }
        hasher.combine(status &* 5 &+ trend)
        hasher.combine(onset)
    }
}

/// The value of a context fact; `unsure` is an answered "not sure".
public enum FactValue: Hashable, Sendable {
    case choice(String)
    case number(Double)
    case bool(Bool)
    case unsure
}

/// The value of a timing anchor; `unsure` is an answered "I don't know".
public enum AnchorValue: Hashable, Sendable {
    case known(TimeBand)
    case unsure
}

/// Everything triage reads: findings, context facts and timing anchors, with the clock.
///
/// A finding, fact or anchor missing from the dictionaries was never mentioned nor asked.
public struct Evidence: Hashable, Sendable {
    /// The fixed "now" of this assessment.
    public var now: Date
    /// The time zone clock times are read in.
    public var timeZone: TimeZone
    /// Findings by id.
    public var findings: [String: FindingEvidence]
    /// Context facts by id (`indication`, `treatment-months`, ...).
    public var facts: [String: FactValue]
    /// Timing anchors by id (`infusion-start`, `last-infusion`, ...).
    public var anchors: [String: AnchorValue]
    /// Parts of the free text that no match explains, as typed (`assess`).
    public var notUnderstood: [String] = []
    /// Whether the free text gave an emergency sign of someone who is not the patient.
    public var someoneElseEmergency = false
    /// Whether the free text gave a current sign of someone who is not the patient.
    public var someoneElseSigns = false
    /// How each time of an evidence document was read (`assess --json`'s `times`).
    public var timeReadings: [TimeReading] = []

    /// Creates evidence.
    public init(
        now: Date, timeZone: TimeZone, findings: [String: FindingEvidence] = [:],
        facts: [String: FactValue] = [:], anchors: [String: AnchorValue] = [:]
    ) {
        self.now = now
        self.timeZone = timeZone
        self.findings = findings
        self.facts = facts
        self.anchors = anchors
    }

    /// Records a finding, keeping the safer status when one is already known from
    /// elsewhere (present beats unknown beats absent) unless `overriding`.
    public mutating func set(_ finding: FindingEvidence, overriding: Bool = false) {
        if !overriding, let old = findings[finding.id], old.status.safety > finding.status.safety {
            return
        }
        findings[finding.id] = finding
    }
}

extension FindingStatus {
    /// Orders statuses by how much they can raise a result: present > unknown > absent.
    var safety: Int {
        switch self {
        case .absent: 0
        case .unknown: 1
        case .present: 2
        }
    }
}

extension Evidence {
    /// True when the person said the drip still runs (the fact `infusion-ongoing`): "during the
    /// drip" then reaches now.
    public var infusionOngoing: Bool { facts["infusion-ongoing"] == .bool(true) }

    /// Who typed the free text: a carer when the reporter fact says so or was answered "not
    /// sure" (then relation words name the patient, the safer reading), else the patient.
    public var reporter: Reporter {
        switch facts["reporter"] {
        case .choice("carer"), .unsure: .carer
        default: .patient
        }
    }

    /// Adds what free text said of the patient now: mentions of someone else, of the past and
    /// of a "what if" are left out; a mention that has settled ("it cleared up") is present
    /// and getting better.
    ///
    /// When no time was given, the sentence's course stands in for the onset: signs that came
    /// on gradually began more than two days ago, old unchanged ones more than six months ago
    /// (and are the same); "getting worse" sets the trend.
    public mutating func add(understood: [(match: TextMatch, onset: TimeBand?)]) {
        for (match, onset) in understood where !match.aboutSomeoneElse && match.temporality == .current {
            let status = FindingStatus(rawValue: match.status.rawValue) ?? .unknown
            var trend: Trend?
            if status == .present {
                trend =
                    match.cleared
                    ? .gone
                    : match.resolved
                        ? .better
                        : match.worsening ? .worse : match.course == .longstanding || match.steady ? .same : nil
            }
            var band = onset
            // An old sign's episode time ("for half an hour, it's always done that") is not when
            // the sign began: an old, unchanged course stands for the onset.
            let longAgo: TimeInterval = 200 * 86_400
            if match.course == .longstanding, let given = band, given.latest > now - longAgo { band = nil }
            if band == nil, let course = match.course {
                // Clear of a window's edge (one day; six calendar months), so a gradual sign is
                // not read as maybe-sudden, nor an old one as maybe-recent.
                let before: TimeInterval = course == .longstanding ? longAgo : 2 * 86_400
                band = TimeBand(earliest: TimeBand.openStart, latest: now - before)
            }
            set(
                FindingEvidence(
                    id: match.findingID, status: status, onset: band, trend: trend, origin: .text(match.matchedText)))
        }
    }
}

/// One time as an evidence document gave it and as it was read.
public struct TimeReading: Hashable, Sendable {
    /// Where it was: `context.infusionStart`, `findings[N].onset`, or `text`.
    public var field: String
    /// The words (or ISO time) as given.
    public var text: String
    /// The band read, or nil for unknown.
    public var band: TimeBand?
}

extension Evidence {
    /// Whether the person said when they stopped the drug (the `stopped-treatment` anchor is a
    /// known time), or a finding read in their words set `on-treatment` to no; and did not say
    /// they still have it. Lines tagged `on-treatment` are then left off the page.
    public var hasStoppedTreatment: Bool {
        if facts["on-treatment"] == .bool(true) { return false }
        if case .known? = anchors["stopped-treatment"] { return true }
        return facts["on-treatment"] == .bool(false)
    }

    /// What findings read in free text tell beyond themselves: the fact a finding `sets:` and
    /// the anchor its onset gives (`anchor:`), each only when not already given.
    mutating func applyFindingEffects(_ knowledge: KnowledgeBase) {
        for (id, found) in findings.sorted(by: { $0.key < $1.key }) where found.status == .present {
            guard let finding = knowledge.findings[id] else { continue }
            if let fact = finding.setsFact, let text = finding.setsValue, facts[fact] == nil,
                let type = knowledge.facts[fact]?.type, let value = FactValue(text, type: type)
            {
                facts[fact] = value
            }
            if let anchor = finding.anchor, anchors[anchor] == nil, let onset = found.onset {
                anchors[anchor] = .known(onset)
            }
        }
    }
}
