//! The words of the site itself, in each language a page is published in: the nav, the
//! index, Redoc's `labels` option, and the English that Redoc writes without a label
//! (translated in the reader's browser once Redoc has rendered, by `assets/site.js`).

/// The site's own words in one language.
#[derive(Debug)]
pub struct Ui {
    pub locale: &'static str,
    /// The language's name in itself, for the language switch.
    pub language: &'static str,
    pub site_title: &'static str,
    pub index_intro: &'static str,
    /// The index table's column heads: endpoint, summary, request, state, languages.
    pub columns: [&'static str; 5],
    pub current: &'static str,
    pub deprecated: &'static str,
    /// The filter above the index table: its label, "every provider", "every state".
    pub filter: [&'static str; 3],
    pub rendered_by: &'static str,
    /// The link from a page to the index, in the nav.
    pub home: &'static str,
    /// Redoc's `labels` option, key and text; empty keeps Redoc's English.
    pub labels: &'static [(&'static str, &'static str)],
    /// Text Redoc writes in English whatever the labels say, and its translation: a text
    /// node or a `placeholder` whose trimmed text is the key becomes the value.
    pub after_render: &'static [(&'static str, &'static str)],
}

pub const EN: Ui = Ui {
    locale: "en",
    language: "English",
    site_title: "cloudspec reference",
    index_intro: "Every documented endpoint, in every language it is published in.",
    columns: ["Endpoint", "Summary", "Request", "State", "Reference"],
    current: "current",
    deprecated: "deprecated",
    filter: ["Show", "every provider", "every state"],
    rendered_by: "Rendered by Redoc, served from this site",
    home: "cloudspec reference",
    labels: &[],
    after_render: &[],
};

pub const ZH_CN: Ui = Ui {
    locale: "zh-CN",
    language: "简体中文",
    site_title: "cloudspec 接口参考",
    index_intro: "每个已文档化的接口，以其发布的每种语言提供。",
    columns: ["接口", "摘要", "请求", "状态", "参考文档"],
    current: "当前",
    deprecated: "已废弃",
    filter: ["显示", "全部云厂商", "全部状态"],
    rendered_by: "由 Redoc 渲染，本站自行提供",
    home: "cloudspec 接口参考",
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
pub const ALL: [&Ui; 2] = [&EN, &ZH_CN];

/// The words of `locale`; English for a locale the site has no words for.
pub fn ui(locale: &str) -> &'static Ui {
    ALL.into_iter().find(|ui| ui.locale == locale).unwrap_or(&EN)
}
