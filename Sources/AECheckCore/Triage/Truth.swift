import AECheckLanguage
/// Three-valued logic (Kleene): a test can be true, false, or not known.
public enum Truth: Hashable, Sendable {
    case yes, no, unknown

    static func and(_ first: Truth, _ second: Truth) -> Truth {
        if first == .no || second == .no { return .no }
        return first == .unknown || second == .unknown ? .unknown : .yes
    }

    static func or(_ first: Truth, _ second: Truth) -> Truth {
        if first == .yes || second == .yes { return .yes }
        return first == .unknown || second == .unknown ? .unknown : .no
    }

    var negated: Truth {
        switch self {
        case .yes: .no
        case .no: .yes
        case .unknown: .unknown
        }
    }
}
