import Foundation

/// Interviews already made, by knowledge hash and flow: every session of the same knowledge and
/// flow in one process (a replayed suite runs hundreds) shares one, with its remembered work.
///
/// An interview is a pure function of its knowledge, flow, answer log and clock; what it
/// remembers is keyed by all it depends on, so sharing it changes no result, only the work done.
/// Knowledge without a hash (built in memory, never from files) is never shared.
final class SharedInterviews: @unchecked Sendable {
    static let shared = SharedInterviews()
    private let lock = NSLock()
    private var made: [Key: Interview] = [:]

    private struct Key: Hashable {
        var hash: String
        var flow: String
    }

    /// The interview for `flow` of `knowledge`, made on first use.
    func interview(for knowledge: KnowledgeBase, flow: String) -> Interview {
        guard !knowledge.hash.isEmpty else { return Interview(knowledge: knowledge, flow: flow) }
        let key = Key(hash: knowledge.hash, flow: flow)
        lock.lock()
        defer { lock.unlock() }
        if let known = made[key] { return known }
        let interview = Interview(knowledge: knowledge, flow: flow)
        if made.count >= 8 { made.removeAll() }
        made[key] = interview
        return interview
    }
}
