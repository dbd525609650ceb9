/// Three-valued logic (Kleene): a test can be true, false, or not known.
public enum Truth: Hashable, Sendable {
    case yes, no, unknown

    static func and(_ values: [Truth]) -> Truth {
        if values.contains(.no) { return .no }
        return values.contains(.unknown) ? .unknown : .yes
    }

    static func or(_ values: [Truth]) -> Truth {
        if values.contains(.yes) { return .yes }
        return values.contains(.unknown) ? .unknown : .no
    }

    /// At least `count` of the values hold: yes when surely, no when surely not.
    static func atLeast(_ count: Int, _ values: [Truth]) -> Truth {
        let yes = values.filter { $0 == .yes }.count
        let possible = yes + values.filter { $0 == .unknown }.count
        if yes >= count { return .yes }
        return possible >= count ? .unknown : .no
    }

    var negated: Truth {
        switch self {
        case .yes: .no
        case .no: .yes
        case .unknown: .unknown
        }
    }
}
