/// A shard's link check meets links to fragments of pages another shard writes (`/smtp/#class-5`).
/// Those pages are not on this shard's disk, so they are rendered here, in memory, for their ids:
/// the check then says the same as a single build's. Only pages that such a link names are rendered.
enum OtherShardPages {
    /// The bytes of `file` when it is a page of another shard; nil when this shard wrote it, or it is not a page.
    static func render(_ file: String, plan: SitePlan, shard: BuildShard, renderer: Lazy<PageRenderer>) -> [UInt8]? {
        guard !shard.contains(file), let page = plan.pages.first(where: { $0.file == file }) else { return nil }
        return renderer.value.render(page)
    }
}
