"""The lists every rule shares: what is chrome on any site, whatever its CMS."""

from __future__ import annotations

#: Chrome that no article keeps, whatever the CMS: related lists, tools, counters, forms.
BOILERPLATE_PRUNE: tuple[str, ...] = (
    "//script",
    "//style",
    "//noscript",
    "//form//input",
    "//select",
    "//textarea",
    "//button",
    "//marquee",
    "//iframe",
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary'"
    " or @role='menubar' or @role='toolbar']",
    "//label",
    # the replies under a forum's first post, marked as schema.org comments (Discourse)
    "//*[@itemprop='comment' or @itemtype='http://schema.org/Comment'"
    " or @itemtype='https://schema.org/Comment']",
    # a badge in the headline (DSpace's item type: ``<h1><div class="badge">Tài liệu</div>``)
    "//*[self::h1 or self::h2]//*[contains(concat(' ', normalize-space(@class), ' '), ' badge ')]",
    "//nav",
    "//aside",
    "//footer",
)

#: Class/id words of a page's side columns, Vietnamese templates' too (cot-trai: left column).
SIDEBAR_MARKS: tuple[str, ...] = (
    "sidebar",
    "cot-trai",
    "cot-phai",
    "cottrai",
    "cotphai",
    "col-left",
    "col-right",
)

#: Class/id words of blocks that are chrome when they sit inside an article.
CHROME_WORDS: tuple[str, ...] = (
    "related",
    "editsection",  # MediaWiki's "[sửa | sửa mã nguồn]" beside each section heading
    "other-news",
    "othernews",
    "other_news",
    "tinkhac",
    "tin-khac",
    "same-category",
    "share",
    "sharing",
    "social",
    "print",
    "comment",
    "comments",
    "binhluan",
    "binh-luan",
    "rating",
    "tags",
    "labels",
    "likes",
    "keywords",
    "breadcrumb",
    "duong-dan",
    "duongdan",
    *SIDEBAR_MARKS,
    "pagination",
    "pager",
    "next-previous",
    "prev-next",
    "conversation",
    "post-actions",
    "item-actions",
    "nav-links",
    "post-navigation",
    "post-nav",
    "nextprev",
    "prevnext",
    "counter",
    "poll",
    "login",
    "toolbar",
    "button",
    "btn",
    "page-actions",
    # a note box's own label ("Ghi chú", "Lưu ý"): the note's text stays (Quarto, MkDocs,
    # Docusaurus)
    "callout-header",
    "callout-title-container",
    "admonition-title",
    "admonition-heading",
    "tools",
    "copyright",
    "advert",
    "promo",
    "banner",
    # a forum thread's furniture: the poster's profile and signature, action bars, the jump
    # menu, who is online, back to top (phpBB, vBulletin)
    # a post's meta row (date, notes, reblogs, category): its date and author are read
    # from the page, the row is not the text
    "meta",
    # a wiki's or a journal's apparatus: references, navigation boxes, "how to cite"
    "references",
    "citation",
    "reflist",
    "navbox",
    "postprofile",
    "post-author",
    "navigation",
    "signature",
    "action-bar",
    "jumpbox",
    "online-list",
    "back2top",
    "back-to-top",
)

#: Whole text lines that are chrome when they survive into the extracted text.
BOILERPLATE_LINES: tuple[str, ...] = (
    r"^(?:các\s+|những\s+)?(?:tin|bài|bài viết|tin bài)\s+"
    r"(?:khác|liên quan|mới hơn|cũ hơn|cùng chuyên mục"
    r"|đã đưa|đã đăng|mới nhất|xem nhiều|mới|nổi bật)\s*:?$|^xem\s+thêm\s*:?$"
    r"|^(?:mục lục|document outline|lưu trữ|archives?|danh mục|chuyên mục|categories)\s*:?$",
    r"^(?:related( news| posts)?|same category|more news|read more|có liên quan)\s*:?$",
    r"^(?:bài|tin)\s+(?:trước|sau|tiếp\s+theo|kế\s+tiếp)\s*(?::.{0,200})?$",
    r"^[-=_~*.]{4,}\W{0,2}\w{0,6}\W{0,2}[-=_~*.]{4,}$",  # a separator (DedeCMS's ``---分隔线---``)
    r"^[«‹]\s.{2,200}\s\|\s.{2,200}\s[»›]$",  # older and newer post: ``« A | B »`` (emlog)
    r"^(?:đăng\s+ký\s+nhận\s+(?:bản\s+tin|tin\s+mới|thông\s+tin|email)|nhận\s+bản\s+tin"
    r"|subscribe(?:\s+to\s+(?:our\s+)?newsletter)?|newsletter)\b.{0,40}$",  # a newsletter box
    r"^(?:bình luận|ý kiến bạn đọc|gửi bình luận|viết bình luận|chưa có bình luận(?: nào)?)\.?$",
    r"^(?:bình luận|comments?)\s*[\[(]\d+[\])]$",
    r"^(?:tổng\s+số\s+)?(?:bình\s+luận|comments?)\s*:\s*\d+$",
    r"^(?:theo\s+dõi|follow|like)\b.{0,40}\b(?:facebook|fanpage|zalo|youtube|tiktok)\b.{0,60}$",
    r"^(?:trả lời(?: nhanh)?|trích dẫn|reply|quote)$",  # a forum post's buttons
    r"^(?:số\s+)?(?:lượt xem|lượt đọc|view count|views|lượt truy cập|số người online|đang truy cập"
    r"|hôm nay|hôm qua|tổng lượt truy cập)\s*:?\s*[\d.,\s]*$",
    r"^[\d.,]+\s+(?:lượt xem|lượt đọc|views?)$",
    r"^[\[«‹<]{0,2}\s*(?:in bài(?: viết)?|in trang|trang in|bản in|bản để in|in ra"
    r"|gửi (?:email|e-mail|cho bạn bè|bạn bè|bài viết)"
    r"|chia sẻ|về đầu trang|đầu trang|lên đầu trang|trở về|về trang chủ|quay lại|phiên bản in"
    r"|xem tiếp|xem thêm|xem tất cả|xem bài gốc|đóng cửa sổ"
    r"|print|email|e-mail|share|back to list|go back|back)(?:\b|(?-i:(?=[A-Z]))).{0,60}$",
    r"^(?:từ khóa|từ khoá|tags?|thẻ|chủ đề|nhãn|labels?)\s*:",
    r"^(?:thích\s+)?hãy là người đầu tiên thích\b.{0,40}$",
    # a docs platform's feedback widget (GitBook, Docusaurus, Read the Docs)
    r"^(?:trang|bài viết|nội dung|thông tin)\s+này\s+có\s+hữu\s+ích(?:\s+(?:với|cho)\s+bạn)?"
    r"(?:\s+không)?\s*\??$|^(?:was|is)\s+this\s+(?:page|article)\s+helpful\s*\??$",
    r"^(?:tổng số điểm của bài viết|click để đánh giá|đánh giá bài viết|xếp hạng)\b",
    r"^(?:file|tập tin|tài liệu|tệp|văn bản) đính kèm\s*(?::|$)",
    r"^(?:url của bản tin này|nguồn bài viết)\s*:",
    # a repository's item page (DSpace's Vietnamese interface)
    r"^(?:hiển thị|xem)\s+(?:toàn bộ|đầy đủ)\s+biểu ghi\b.{0,40}$",
    r"^tập tin trong tài liệu này\s*:?$",
    # an attachment's size and download count (a forum's or a portal's file box)
    r"^\W*(?:tải về|tải xuống|download)\s*\(\s*[\d.,]+\s*(?:kb|mb|gb|bytes?)\s*\)\W*$",
    r"^\W*(?:kích thước|dung lượng|size)\s*:\s*[\d.,]+\s*(?:kb|mb|gb|bytes?)\b"
    r"(?:\s*[/|,;]\s*(?:lượt tải|số lần tải|downloads?)\s*:?\s*[\d.,]+)?\W*$",
    # a journal's galley link, named by its format alone (OJS's "PDF")
    r"^(?:pdf|docx?|epub|xml|html|toàn văn|full text)$",
    r"^(?:#\w+\s*)+$",  # a social post's hashtags
    r"^(?:tài liệu tham khảo|tham khảo|references)\s*:?$",
    r"^(?:bản quyền|copyright|©)\b.{0,160}$",
    r"^giấy phép(?: số)?\b.{0,40}\b(?:gp|giấy phép)\b.{0,120}$|^made with\b.{0,30}$",
    r"^lịch sử phiên bản$|^gửi phản hồi\b.{0,60}$",
    # a converted PDF's page number and a bulletin's running header
    r"^[-–—]\s*\d{1,4}\s*[-–—]$|^trang\s+\d{1,4}(?:\s*/\s*\d{1,4})?$",
    r"^(?:bản tin|tạp chí|thông tin khoa học|đặc san)\b.{0,80}\bsố\s+\d{1,3}(?:/\d{4})?$",
    r"^số\s+\d{1,3}/\d{4}\s*[-–—]\s*[^.]{1,40}$|^\d{1,3}$",
)

#: The label of a box of attached documents ("Tài liệu đính kèm", "File đính kèm:"): the
#: documents are stored apart (``attachments``), their box is not the article's text.
ATTACHMENT_LABEL: str = (
    r"^(?:các\s+)?(?:file|tập tin|tài liệu|tệp|văn bản)\s+(?:đính kèm|kèm theo)\s*:?$"
)

#: The heading of a list of other news ("Các tin khác", "Tin liên quan"): it and the link lists
#: after it are chrome wherever they sit.
RELATED_HEADING: str = BOILERPLATE_LINES[0]
