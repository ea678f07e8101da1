//! The words of the site itself, in each language a page is published in: the nav, the
//! index, Redoc's `labels` option, and the English that Redoc writes without a label
//! (translated in the reader's browser once Redoc has rendered, by `assets/site.js`).

/// The site's own words in one language.
#[derive(Debug)]
pub(super) struct Ui {
    pub locale: &'static str,
    /// The language's name in itself, for the language switch.
    pub language: &'static str,
    pub site_title: &'static str,
    pub index_intro: &'static str,
    /// The index table's column heads: endpoint, summary, request, state, languages.
    pub columns: [&'static str; 5],
    pub current: &'static str,
    pub deprecated: &'static str,
    /// Above a deprecated operation's reference, before the link to what replaces it.
    pub replaced_by: &'static str,
    /// The filter above the index table: its label, "every provider", "every state".
    pub filter: [&'static str; 3],
    pub rendered_by: &'static str,
    /// The link from a page to the index, in the nav.
    pub home: &'static str,
    /// The block above a reference: its summary, and the downloads' heading.
    pub about: &'static str,
    pub downloads: &'static str,
    /// The downloads table's column heads: file, what it is, size.
    pub download_columns: [&'static str; 3],
    /// What a file is: an OpenAPI 3.1 document, a 3.0 rendition, a JSON Schema, the sources.
    pub download_kinds: [&'static str; 4],
    /// "What changed": the link and title, its introduction, the link back, the feed's link,
    /// the changes table's column heads, and a commit that changed no contract.
    pub what_changed: &'static str,
    pub changes_intro: &'static str,
    pub back_to_reference: &'static str,
    pub subscribe: &'static str,
    pub change_columns: [&'static str; 5],
    pub no_contract_change: &'static str,
    /// The errors' table on a reference: its heading and column heads.
    pub errors: &'static str,
    pub error_columns: [&'static str; 3],
    /// The search: its label, and the name of each kind of result (endpoint, parameter,
    /// field, error code), and what shows when nothing matches.
    pub search: &'static str,
    pub search_words: [&'static str; 5],
    /// The plain reference without JavaScript: its headings and column heads (name, in,
    /// type, description).
    pub parameters: &'static str,
    pub response_fields: &'static str,
    pub request_samples: &'static str,
    pub prerender_columns: [&'static str; 4],
    /// Redoc's `labels` option, key and text; empty keeps Redoc's English.
    pub labels: &'static [(&'static str, &'static str)],
    /// Text Redoc writes in English whatever the labels say, and its translation: a text
    /// node or a `placeholder` whose trimmed text is the key becomes the value.
    pub after_render: &'static [(&'static str, &'static str)],
}

pub(super) const EN: Ui = Ui {
    locale: "en",
    language: "English",
    site_title: "cloudspec reference",
    index_intro: "Every documented endpoint, in every language it is published in.",
    columns: ["Endpoint", "Summary", "Request", "State", "Reference"],
    current: "current",
    deprecated: "deprecated",
    replaced_by: "Deprecated: its vendor recommends in its place",
    filter: ["Show", "every provider", "every state"],
    rendered_by: "Rendered by Redoc, served from this site",
    home: "cloudspec reference",
    about: "Downloads and history",
    downloads: "Downloads",
    download_columns: ["File", "What it is", "Size"],
    download_kinds: [
        "OpenAPI 3.1 document",
        "OpenAPI 3.0.3 rendition",
        "JSON Schema of a body",
        "Sources and citations (Markdown)",
    ],
    what_changed: "What changed",
    changes_intro: "Every commit that changed this endpoint's document, newest first, compared with \
        the one before by cloudspec's diff.",
    back_to_reference: "Back to the reference",
    subscribe: "Subscribe (Atom)",
    change_columns: ["Rule", "Verdict", "Where", "Before", "After"],
    no_contract_change: "No change to the contract: the text of the file changed, not what it says.",
    errors: "Errors",
    error_columns: ["Status", "Meaning", "Example codes"],
    parameters: "Parameters",
    response_fields: "Response fields (200)",
    request_samples: "Request samples",
    prerender_columns: ["Name", "In", "Type", "Description"],
    search: "Search every endpoint, field and error code",
    search_words: ["endpoint", "parameter", "field", "error code", "Nothing matches."],
    labels: &[],
    after_render: &[],
};

pub(super) const ZH_CN: Ui = Ui {
    locale: "zh-CN",
    language: "简体中文",
    site_title: "cloudspec 接口参考",
    index_intro: "每个已文档化的接口，以其发布的每种语言提供。",
    columns: ["接口", "摘要", "请求", "状态", "参考文档"],
    current: "当前",
    deprecated: "已废弃",
    replaced_by: "已废弃，推荐使用",
    filter: ["显示", "全部云厂商", "全部状态"],
    rendered_by: "由 Redoc 渲染，本站自行提供",
    home: "cloudspec 接口参考",
    about: "下载与变更历史",
    downloads: "下载",
    download_columns: ["文件", "说明", "大小"],
    download_kinds: [
        "OpenAPI 3.1 文档",
        "OpenAPI 3.0.3 版本",
        "响应体的 JSON Schema",
        "来源与引用（Markdown）",
    ],
    what_changed: "变更历史",
    changes_intro: "每个修改过本接口文档的提交（最新的在前），由 cloudspec 的 diff 与前一版本比较。",
    back_to_reference: "返回接口参考",
    subscribe: "订阅（Atom）",
    change_columns: ["规则", "判定", "位置", "之前", "之后"],
    no_contract_change: "契约没有变化：文件的文本变了，内容没有变。",
    errors: "错误",
    error_columns: ["状态码", "含义", "错误码示例"],
    parameters: "请求参数",
    response_fields: "响应字段（200）",
    request_samples: "请求示例",
    prerender_columns: ["名称", "位置", "类型", "说明"],
    search: "搜索所有接口、字段和错误码",
    search_words: ["接口", "参数", "字段", "错误码", "没有匹配的结果。"],
    labels: &[
        ("enum", "枚举值"),
        ("enumSingleValue", "取值"),
        ("enumArray", "元素"),
        ("default", "默认值"),
        ("deprecated", "已废弃"),
        ("example", "示例"),
        ("examples", "示例"),
        ("nullable", "可为空"),
        ("recursive", "递归"),
        ("arrayOf", "数组，元素为 "),
        ("webhook", "事件"),
        ("const", "取值"),
        ("noResultsFound", "未找到结果"),
        ("download", "下载"),
        ("downloadSpecification", "下载 OpenAPI 文档"),
        ("responses", "响应"),
        ("callbackResponses", "回调响应"),
        ("requestSamples", "请求示例"),
        ("responseSamples", "响应示例"),
        ("authorizations", "认证方式"),
    ],
    after_render: &[
        ("Authorizations:", "认证方式："),
        ("path Parameters", "路径参数"),
        ("query Parameters", "查询参数"),
        ("header Parameters", "请求头参数"),
        ("cookie Parameters", "Cookie 参数"),
        ("Request Body schema:", "请求体结构："),
        ("Response Schema:", "响应结构："),
        ("Response Headers", "响应头"),
        ("Response samples", "响应示例"),
        ("Request samples", "请求示例"),
        ("Responses", "响应"),
        ("required", "必选"),
        ("Copy", "复制"),
        ("Copied", "已复制"),
        ("Expand all", "全部展开"),
        ("Collapse all", "全部折叠"),
        ("Content type", "内容类型"),
        ("API docs by Redocly", "文档由 Redocly 渲染"),
        ("Search...", "搜索…"),
        ("Example:", "示例："),
        ("Examples:", "示例："),
        ("Default:", "默认值："),
        ("Enum:", "枚举值："),
        ("Value:", "取值："),
        ("Items:", "元素："),
        ("Deprecated", "已废弃"),
        ("non-empty", "非空"),
        ("Download", "下载"),
        ("No results found", "未找到结果"),
    ],
};

/// Every language the site's own words exist in.
pub(super) const ALL: [&Ui; 2] = [&EN, &ZH_CN];

/// The words of `locale`; English for a locale the site has no words for.
pub(super) fn ui(locale: &str) -> &'static Ui {
    ALL.into_iter().find(|ui| ui.locale == locale).unwrap_or(&EN)
}
