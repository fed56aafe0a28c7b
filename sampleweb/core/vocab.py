"""Word lists and sentence templates for the generated Vietnamese articles.

Declarative data only: :mod:`sampleweb.core.text` draws from these lists.
Every generated sentence template carries at least two slots filled with
random values (numbers, names, class numbers, dates), so two articles rarely
produce the same sentence and the near-duplicate detector can tell them apart.
"""

from __future__ import annotations

FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trịnh",
    "Đào",
    "Cầm",
)
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thị Thu", "Xuân", "Công")
GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Dung",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiền",
    "Hòa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Nguyên",
    "Nhàn",
    "Phong",
    "Phúc",
    "Phương",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Thủy",
    "Tiến",
    "Trang",
    "Trung",
    "Tuấn",
    "Tùng",
    "Vân",
    "Việt",
    "Yến",
    "Đức",
)

#: Article authors: full names, shown with a degree prefix and a role.
AUTHORS = (
    "Hồ Minh Đức",
    "Nguyễn Thị Nhàn",
    "Đỗ Xuân Hoà",
    "Võ Thị Nhiên",
    "Nguyễn Thị Nguyên",
    "Hồ Ngọc Trường",
    "Đinh Quốc Thị",
    "Nguyễn Hồng Lương",
    "Phan Văn Tấn",
    "Nguyễn Văn Thủy",
    "Võ Thị Tuyết Hoa",
    "Trần Thị Mỹ Lệ",
    "Lê Văn Hiếu",
    "Phạm Thị Thanh Tâm",
    "Bùi Quang Huy",
    "Đặng Thị Kim Oanh",
    "Ngô Minh Tuấn",
    "Huỳnh Văn Sáu",
    "Dương Thị Hồng Nhung",
    "Trịnh Xuân Lộc",
    "Lý Thị Bích Ngọc",
    "Vũ Đình Khoa",
    "Hoàng Thị Thu Trang",
    "Cầm Văn Đoàn",
    "Đào Thị Hải Yến",
    "Lê Thị Phương Thảo",
    "Nguyễn Đức Thịnh",
    "Phạm Văn Hùng",
    "Trần Quốc Việt",
    "Mai Thị Lan Anh",
)
#: Short pen names used by news items (``Tác giả bài viết: Hữu Dư``).
PEN_NAMES = (
    "Hữu Dư",
    "Minh Châu",
    "Thanh Tùng",
    "Ngọc Hân",
    "Bảo Anh",
    "Hà Lan",
    "Đào Quyên",
    "Quốc Bảo",
    "Kim Ngân",
    "Thu Hiền",
    "Phương Nam",
    "Hoài Thương",
)
PHOTOGRAPHERS = ("Việt Anh", "Minh Trí", "Thành Đạt", "Khánh Linh", "Hoàng Long", "Mạnh Hà")
DEGREES = ("TS.", "ThS.", "Th.s", "PGS.TS.", "GVCC, TS.", "ThS.", "TS.")
ROLES = (
    "Phó Hiệu trưởng",
    "Trưởng khoa Xây dựng Đảng",
    "Giảng viên khoa Lý luận cơ sở",
    "Phó Trưởng khoa Nhà nước và Pháp luật",
    "Phòng NCKH-TT-TL",
    "Trưởng phòng TC,HC,TT,TL",
    "GV khoa Xây dựng Đảng",
    "Trưởng phòng Quản lý đào tạo",
    "Giảng viên khoa Dân vận",
    "Phó Trưởng phòng Tổ chức - Hành chính",
)

POSITIONS = (
    "Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy",
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Tỉnh ủy viên, Bí thư Đảng ủy, Hiệu trưởng Trường Chính trị tỉnh",
    "Phó Hiệu trưởng Trường Chính trị tỉnh",
    "Phó Giám đốc Học viện Chính trị khu vực III",
    "Phó Vụ trưởng Vụ các trường chính trị, Học viện Chính trị quốc gia Hồ Chí Minh",
    "Giám đốc Sở Nội vụ",
    "Phó Trưởng ban Thường trực Ban Tổ chức Tỉnh ủy",
    "Phó Bí thư Đảng ủy Khối các cơ quan tỉnh",
    "Trưởng khoa Xây dựng Đảng",
    "Trưởng phòng Quản lý đào tạo và Nghiên cứu khoa học",
    "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Bí thư Huyện ủy",
    "Chủ tịch Hội đồng nhân dân huyện",
)
DEPARTMENTS = (
    "khoa Xây dựng Đảng",
    "khoa Lý luận cơ sở",
    "khoa Nhà nước và Pháp luật",
    "khoa Dân vận",
    "phòng Tổ chức - Hành chính",
    "phòng Quản lý đào tạo",
    "khoa Lý luận chính trị",
    "phòng Nghiên cứu khoa học - Thông tin tư liệu",
    "phòng Đào tạo, bồi dưỡng",
    "khoa Kinh tế",
)
ORGANISATIONS = (
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Sở Nội vụ",
    "Học viện Chính trị khu vực III",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Đảng ủy Khối các cơ quan tỉnh",
    "Nhà xuất bản Lý luận chính trị",
    "Hội Cựu chiến binh tỉnh",
    "Tỉnh đoàn",
    "Liên đoàn Lao động tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
)
PROGRAMS = (
    "bồi dưỡng ngạch chuyên viên",
    "bồi dưỡng ngạch chuyên viên chính",
    "bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 4",
    "bồi dưỡng lãnh đạo, quản lý cấp phòng",
    "bồi dưỡng nghiệp vụ công tác Mặt trận",
    "bồi dưỡng lý luận chính trị cho đảng viên mới",
    "bồi dưỡng chi ủy viên và bí thư chi bộ",
    "bồi dưỡng nghiệp vụ công tác kiểm tra, giám sát",
    "bồi dưỡng cập nhật kiến thức cho cán bộ nữ",
    "bồi dưỡng nghiệp vụ công tác dân vận",
)
DOCUMENTS = (
    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    "Quy định 11-QĐ/TW về Trường chính trị chuẩn",
    "Chỉ thị số 05-CT/TW của Bộ Chính trị",
    "Kết luận số 21-KL/TW của Ban Chấp hành Trung ương",
    "Nghị quyết Trung ương 4 khóa XII",
    "Nghị quyết số 35-NQ/TW về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
    "Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên",
    "Nghị quyết số 27-NQ/TW về xây dựng và hoàn thiện Nhà nước pháp quyền",
    "Chỉ thị số 39-CT/TW về công tác dân vận",
    "Nghị quyết số 32-NQ/TW về tiếp tục đổi mới, nâng cao chất lượng đào tạo cán bộ",
)
TOPICS = (
    "Nâng cao chất lượng đào tạo, bồi dưỡng cán bộ cơ sở",
    "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
    "Đổi mới phương pháp giảng dạy lý luận chính trị",
    "Xây dựng văn hóa trường Đảng",
    "Chuyển đổi số trong hoạt động đào tạo, bồi dưỡng",
    "Vận dụng tư tưởng Hồ Chí Minh về cán bộ và công tác cán bộ",
    "Phát huy vai trò của Mặt trận Tổ quốc trong xây dựng nông thôn mới",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Gắn lý luận với thực tiễn trong giảng dạy",
    "Xây dựng đội ngũ giảng viên đáp ứng tiêu chuẩn trường chính trị chuẩn",
    "Công tác dân vận trong tình hình mới",
    "Phát triển kinh tế tập thể ở địa phương",
    "Nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng",
    "Thực hiện dân chủ ở cơ sở",
    "Phòng, chống tham nhũng, tiêu cực trong cơ quan nhà nước",
    "Đào tạo, bồi dưỡng cán bộ nữ và cán bộ trẻ",
    "Bảo tồn và phát huy giá trị văn hóa truyền thống",
    "Ứng dụng công nghệ thông tin trong quản lý học viên",
    "Giáo dục truyền thống lịch sử địa phương cho học viên",
    "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh",
)
DISTRICTS = (
    "Cao Lãnh",
    "Tháp Mười",
    "Lai Vung",
    "Châu Thành",
    "Phú Lương",
    "Đại Từ",
    "Định Hóa",
    "Ngọc Hồi",
    "Đắk Hà",
    "Hòa An",
    "Trùng Khánh",
    "Cẩm Xuyên",
    "Hương Sơn",
    "Ba Vì",
    "Sóc Sơn",
    "Phong Điền",
    "Cờ Đỏ",
    "Thới Lai",
    "Mỏ Cày Bắc",
    "Giồng Trôm",
    "Chợ Lách",
    "Bảo Lộc",
    "Đức Trọng",
    "Lâm Hà",
    "Thanh Sơn",
    "Đoan Hùng",
    "Yên Thành",
    "Diễn Châu",
    "Kim Sơn",
    "Nho Quan",
    "Hồng Ngự",
    "Bình Liêu",
    "Tiên Yên",
)
CLAIMS = (
    "công tác đào tạo, bồi dưỡng cán bộ đã có nhiều chuyển biến tích cực",
    "chất lượng đội ngũ giảng viên từng bước được nâng lên cả về trình độ và phương pháp",
    "việc gắn lý luận với thực tiễn trong giảng dạy đã được chú trọng hơn",
    "cơ sở vật chất của nhà trường cơ bản đáp ứng yêu cầu dạy và học",
    "ý thức tự học, tự nghiên cứu của học viên ngày càng được nâng cao",
    "công tác quản lý học viên được thực hiện chặt chẽ, đúng quy chế",
    "nhiều đề tài khoa học đã được ứng dụng vào thực tiễn lãnh đạo, quản lý ở địa phương",
    "việc ứng dụng công nghệ thông tin trong giảng dạy còn một số hạn chế cần khắc phục",
    "một số tiêu chí về đội ngũ giảng viên có học hàm, học vị cao chưa đạt yêu cầu",
    "sự phối hợp giữa nhà trường với các cấp ủy địa phương ngày càng chặt chẽ",
)
TASKS = (
    "nâng cao chất lượng giảng dạy và học tập",
    "xây dựng Trường Chính trị tỉnh đạt chuẩn mức 1",
    "đổi mới nội dung, chương trình bồi dưỡng theo chức danh",
    "tăng cường ứng dụng công nghệ thông tin trong quản lý đào tạo",
    "đẩy mạnh nghiên cứu khoa học gắn với tổng kết thực tiễn địa phương",
    "thực hiện nghiêm quy chế đào tạo và kỷ cương học đường",
    "xây dựng đội ngũ giảng viên vừa hồng vừa chuyên",
    "bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng",
    "hoàn thành tốt nhiệm vụ chính trị được Tỉnh ủy giao",
    "nâng cao chất lượng sinh hoạt chi bộ và sinh hoạt chuyên đề",
)
ASPECTS = (
    "thực hiện dân chủ ở cơ sở",
    "xây dựng nông thôn mới",
    "phát triển kinh tế hợp tác xã",
    "cải cách hành chính",
    "công tác dân vận chính quyền",
    "công tác phát triển đảng viên",
    "giảm nghèo bền vững",
    "chuyển đổi số cấp xã",
    "quản lý đất đai",
    "bảo vệ môi trường",
)
SOLUTIONS = (
    "tăng cường sự lãnh đạo của cấp ủy đối với công tác đào tạo, bồi dưỡng cán bộ",
    "đổi mới nội dung, chương trình theo hướng thiết thực, sát với yêu cầu của từng chức danh",
    "nâng cao trình độ, năng lực thực tiễn của đội ngũ giảng viên",
    "đổi mới phương pháp giảng dạy theo hướng phát huy tính tích cực của người học",
    "đầu tư cơ sở vật chất, trang thiết bị phục vụ giảng dạy trực tuyến",
    "tăng cường kiểm tra, giám sát việc thực hiện quy chế đào tạo",
    "gắn kết chặt chẽ giữa đào tạo, bồi dưỡng với quy hoạch và sử dụng cán bộ",
    "phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu",
    "đẩy mạnh nghiên cứu thực tế của giảng viên tại cơ sở",
    "xây dựng cơ sở dữ liệu học viên và tài liệu số dùng chung",
    "tăng cường phối hợp với Học viện Chính trị khu vực trong bồi dưỡng giảng viên",
    "thực hiện tốt chế độ, chính sách thu hút người có trình độ cao về công tác tại trường",
)
TOPIC_LISTS = (
    "lý luận chính trị, quản lý hành chính nhà nước và kỹ năng lãnh đạo",
    "xây dựng Đảng, chính quyền và các đoàn thể chính trị - xã hội",
    "tư tưởng Hồ Chí Minh, đường lối của Đảng và thực tiễn địa phương",
    "kinh tế chính trị, pháp luật và nghiệp vụ công tác dân vận",
    "quốc phòng, an ninh và đối ngoại",
)
CAMPUSES = ("1", "2", "chính")
MODES = ("tập trung", "không tập trung", "vừa làm vừa học")
DAYPARTS = ("Sáng", "Chiều", "Sáng", "Sáng")
ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu")
GRADES = ("xuất sắc", "khá", "tốt")
PARTS = ("lý thuyết", "xử lý tình huống", "thuyết trình", "trắc nghiệm")

#: Slots filled by :func:`sampleweb.core.text.fill`; all draw random values.
GENERIC_SENTENCES = (
    "Trong {period}, nhà trường đã tổ chức {n1} lớp bồi dưỡng với tổng số {n2} học viên, "
    "đạt {pct}% kế hoạch được giao.",
    "Đồng chí {name}, {position} đánh giá cao sự nỗ lực của {n1} cán bộ, giảng viên "
    "trong việc {task}.",
    "Theo báo cáo, đến nay nhà trường có {n2} giảng viên cơ hữu, trong đó có {n4} tiến sĩ "
    "và {n3} thạc sĩ.",
    "Lớp học có {n2} học viên, trong đó {n3} học viên là nữ và {n4} học viên là "
    "người dân tộc thiểu số.",
    "Học viên lớp K{k} đã hoàn thành {n1} chuyên đề theo chương trình, kết quả có {n3} học viên "
    "đạt loại giỏi và {n2} học viên đạt loại khá.",
    "Trong {n1} tháng học tập, học viên khóa {m} được nghiên cứu các nội dung về {topic_list}.",
    "Nhà trường đề nghị học viên lớp K{k} tiếp tục chấp hành nghiêm nội quy, phát huy tinh thần "
    "tự học, tự nghiên cứu để {task} tại {district}.",
    "Năm {year}, nhà trường thực hiện {n1} đề tài khoa học cấp cơ sở và {n4} đề tài cấp tỉnh, "
    "tổ chức {n3} hội thảo khoa học.",
    "Báo cáo tại hội nghị ngày {date}, đồng chí {name}, {position} cho biết {claim}.",
    "Thay mặt Ban Giám hiệu, đồng chí {name} đã trao giấy khen cho {n1} tập thể và {n3} cá nhân "
    "có thành tích xuất sắc năm {year}.",
    "Tính đến ngày {date}, {n2} học viên đã hoàn thành bài thu hoạch nghiên cứu thực tế tại "
    "huyện {district}.",
    "Phát biểu tại buổi lễ ngày {date}, đồng chí {name}, {position} nhấn mạnh {claim}.",
    "Các đại biểu đã tập trung thảo luận {n1} tham luận về {topic_list}, đồng thời đề xuất {n4} "
    "nhóm giải pháp thiết thực.",
    "Đoàn công tác do đồng chí {name} dẫn đầu đã làm việc với Ban Thường vụ Huyện ủy {district} "
    "về tình hình {aspect} giai đoạn {year}-{year2}.",
    "Lớp {program} khóa {m} năm {year} được tổ chức từ ngày {date} đến ngày {date2} tại cơ sở "
    "{campus} của nhà trường.",
    "Kết quả học tập cuối khóa có {pct}% học viên lớp K{k} đạt loại khá, giỏi; {n3} học viên "
    "được nhà trường khen thưởng.",
    "Ngày {date}, Ban Giám hiệu đã quán triệt {document} đến {n2} cán bộ, giảng viên, viên chức "
    "và người lao động.",
    "Dịp này, {n3} đảng viên của chi bộ {department} được tặng giấy khen vì đã hoàn thành xuất sắc "
    "nhiệm vụ năm {year}.",
    "Cũng trong năm {year}, nhà trường đã cử {n3} giảng viên đi nghiên cứu thực tế tại huyện "
    "{district} và huyện {district2}.",
    "Đồng chí {name}, {position} đề nghị {department} tiếp tục {task} trong năm {year}.",
    "Chương trình gồm {n1} chuyên đề do giảng viên {department} và {n4} báo cáo viên của "
    "{organisation} đảm nhận.",
    "Nhân dịp này, nhà trường tiếp nhận {n2} đầu sách tham khảo do {organisation} trao tặng "
    "ngày {date}.",
    "Theo kế hoạch, lớp K{k} học tập {n1} tháng theo hình thức {mode}, bế giảng vào ngày {date2}.",
    "Trong số {n2} học viên dự thi, có {n3} học viên đạt điểm tuyệt đối ở phần thi {part}.",
    "Hội nghị ngày {date} đã biểu quyết thông qua Nghị quyết với tỷ lệ {pct}% đại biểu tán thành.",
    "Học viên {name} đại diện lớp K{k} cảm ơn {n3} giảng viên đã tận tình truyền đạt kiến thức "
    "trong suốt khóa học.",
    "Đến dự buổi lễ có đồng chí {name}, {position} cùng đại diện lãnh đạo {organisation} và "
    "{n3} cơ quan, đơn vị.",
    "Hiện nhà trường đang quản lý {n4} lớp với khoảng {n5} học viên ở các hệ tập trung và không "
    "tập trung, tính đến ngày {date}.",
    "Trong {n1} năm qua, nhà trường đã đào tạo {n2} học viên trình độ trung cấp lý luận chính trị "
    "và bồi dưỡng cho hơn {n5} lượt cán bộ.",
    "Đề tài “{topic}” do đồng chí {name} làm chủ nhiệm được Hội đồng nghiệm thu đánh giá loại "
    "{grade} năm {year}.",
    "Bài thu hoạch của học viên phân tích thực trạng {aspect} tại huyện {district} và đề xuất "
    "{n4} nhóm giải pháp.",
    "Để phục vụ khóa học, {n3} phòng học được trang bị máy chiếu, hệ thống âm thanh và kết nối "
    "trực tuyến với {n4} điểm cầu.",
    "Tính chung {period}, tỷ lệ giảng viên dự giờ, thao giảng đạt {pct}%, có {n3} bài giảng được "
    "xếp loại xuất sắc.",
    "Chi bộ {department} đã kết nạp {n4} đảng viên mới và đề nghị công nhận đảng viên chính thức "
    "cho {n3} đồng chí trong năm {year}.",
    "Ngày {date}, đoàn giám sát của {organisation} do đồng chí {name} làm trưởng đoàn đã làm việc "
    "với nhà trường.",
    "Kinh phí tổ chức lớp K{k} được bố trí từ ngân sách tỉnh với tổng số tiền khoảng {money} "
    "triệu đồng.",
    "Trong buổi sinh hoạt chuyên đề ngày {date}, {n3} đảng viên đã phát biểu, làm rõ thêm nội dung "
    "{document}.",
    "Hội thi năm {year} có {n3} giảng viên tham gia với {n1} bài giảng thuộc các khối kiến thức "
    "{topic_list}.",
    "Ban Tổ chức đã trao {n4} giải nhất, {n3} giải nhì và {n1} giải ba cho các bài dự thi xuất sắc "
    "của học viên khóa {m}.",
    "Thư viện nhà trường hiện có hơn {n5} đầu sách và {n2} tài liệu số phục vụ nhu cầu tra cứu "
    "của học viên, cập nhật đến ngày {date}.",
    "Thực tiễn ở huyện {district} cho thấy {claim}, nhất là trong giai đoạn {year}-{year2}.",
    "Giai đoạn {year}-{year2}, toàn tỉnh có {n2} tổ chức cơ sở đảng được đánh giá hoàn thành xuất "
    "sắc nhiệm vụ, chiếm {pct}%.",
)

#: Event kinds: title templates, lead templates, event-specific sentences and
#: the category they are filed under ("news" or "research").
EVENTS: dict[str, dict[str, tuple[str, ...] | str]] = {
    "khai-giang": {
        "category": "news",
        "titles": (
            "Khai giảng lớp Trung cấp lý luận chính trị - hành chính K{k}",
            "{school} khai giảng lớp Trung cấp lý luận chính trị - hành chính K{k} hệ {mode}",
            "Khai giảng lớp Trung cấp lý luận chính trị K{k} tại huyện {district}",
        ),
        "leads": (
            "{daypart} ngày {event_date}, {school} tổ chức Lễ khai giảng "
            "lớp Trung cấp lý luận chính trị - hành chính K{k} hệ {mode} cho {n2} học viên là cán "
            "bộ, công chức, viên chức đang công tác tại các cơ quan, đơn vị trên địa bàn tỉnh.",
            "Ngày {event_date}, tại huyện {district}, {school} phối hợp với "
            "Trung tâm Chính trị huyện khai giảng lớp Trung cấp lý luận chính trị K{k} với {n2} "
            "học viên tham dự.",
        ),
        "sentences": (
            "Lớp K{k} sẽ học tập trong {n1} tháng với {n5} tiết học, gồm {n4} phần học theo chương "
            "trình của Học viện Chính trị quốc gia Hồ Chí Minh.",
            "Phát biểu khai giảng, đồng chí {name}, {position} yêu cầu học viên lớp K{k} xác định "
            "rõ mục tiêu, động cơ học tập đúng đắn.",
            "Thay mặt học viên, đồng chí {name} hứa sẽ thực hiện tốt nội quy, quy chế và phấn đấu "
            "hoàn thành khóa học đạt kết quả cao.",
        ),
    },
    "be-giang": {
        "category": "news",
        "titles": (
            "Bế giảng và trao bằng tốt nghiệp lớp Trung cấp lý luận chính trị - hành chính K{k}",
            "Bế giảng lớp Trung cấp lý luận chính trị - hành chính K{k} hệ {mode}",
            "{n2} học viên lớp K{k} tốt nghiệp Trung cấp lý luận chính trị - hành chính",
        ),
        "leads": (
            "{daypart} ngày {event_date}, {school} tổ chức Lễ bế giảng và "
            "trao bằng tốt nghiệp cho {n2} học viên lớp Trung cấp lý luận chính trị - hành chính "
            "K{k} hệ {mode}.",
            "Ngày {event_date}, sau {n1} tháng học tập, lớp Trung cấp lý luận chính trị - "
            "hành chính "
            "K{k} do {school} mở tại huyện {district} đã bế giảng.",
        ),
        "sentences": (
            "Kết quả, lớp K{k} có {n3} học viên tốt nghiệp loại giỏi, {n2} học viên loại "
            "khá, không "
            "có học viên xếp loại trung bình.",
            "Học viên {name} đạt điểm tốt nghiệp cao nhất lớp K{k} và được Hiệu trưởng tặng giấy "
            "khen.",
            "Đồng chí {name}, {position} chúc mừng {n2} học viên đã hoàn thành chương trình học "
            "tập.",
        ),
    },
    "tong-ket": {
        "category": "news",
        "titles": (
            "Chi bộ {department} tổng kết công tác năm {year}, triển khai nhiệm vụ năm {year1}",
            "Đảng bộ {school} sơ kết công tác 6 tháng đầu năm {year} tại {campus_name}",
            "Hội nghị viên chức, người lao động năm {year} lần thứ {n4} của Trường Chính trị tỉnh",
        ),
        "leads": (
            "Ngày {event_date}, {department_cap} {school} tổ chức hội nghị "
            "tổng kết công tác năm {year} và triển khai phương hướng, nhiệm vụ năm {year1} với sự "
            "tham dự của {n3} đảng viên.",
            "{daypart} ngày {event_date}, Đảng bộ {school} tổ chức Hội nghị "
            "sơ kết công tác {n1} tháng đầu năm {year}, đồng chí {name}, Bí thư Đảng ủy chủ trì "
            "hội nghị.",
        ),
        "sentences": (
            "Năm {year}, {department} được xếp loại hoàn thành tốt nhiệm vụ với {n3}/{n2} đảng "
            "viên hoàn thành xuất sắc nhiệm vụ.",
            "Hội nghị đã thống nhất {n4} chỉ tiêu chủ yếu cho năm {year1}, trong đó có mục tiêu "
            "mở {n1} lớp bồi dưỡng mới.",
            "Đồng chí {name}, {position} biểu dương kết quả mà {department} đạt được trong năm "
            "{year}.",
        ),
    },
    "hoi-thao": {
        "category": "research",
        "titles": (
            "Hội thảo khoa học “{topic}” năm {year}",
            "Hội thảo khoa học cấp trường về {topic_lower} tại cơ sở {campus}",
            "Tọa đàm “{topic}” lần thứ {n4}",
        ),
        "leads": (
            "Ngày {event_date}, {school} tổ chức Hội thảo khoa học cấp "
            "trường với chủ đề “{topic}”, thu hút {n2} đại biểu và {n1} tham luận.",
            "{daypart} ngày {event_date}, {department_cap} {school} chủ "
            "trì tọa đàm khoa học về {topic_lower} với sự tham gia của {n3} nhà khoa học.",
        ),
        "sentences": (
            "Ban Tổ chức đã nhận được {n1} bài tham luận của các nhà khoa học, giảng viên và "
            "cán bộ "
            "thực tiễn ở {n3} huyện, thành phố.",
            "Các tham luận đã làm rõ cơ sở lý luận và thực tiễn của vấn đề {topic_lower} ở huyện "
            "{district}.",
            "Kết luận hội thảo, đồng chí {name}, {position} đề nghị {department} tiếp thu "
            "các ý kiến "
            "để hoàn thiện kỷ yếu trước ngày {date2}.",
        ),
    },
    "thuc-te": {
        "category": "news",
        "titles": (
            "Lớp Trung cấp lý luận chính trị - hành chính K{k} nghiên cứu thực tế tại huyện "
            "{district}",
            "Học viên lớp K{k} tìm hiểu mô hình {aspect} ở huyện {district}",
        ),
        "leads": (
            "Từ ngày {event_date} đến ngày {date2}, {n2} học viên lớp Trung cấp lý luận "
            "chính trị - "
            "hành chính K{k} đã đi nghiên cứu thực tế tại huyện {district}.",
            "Thực hiện kế hoạch đào tạo, ngày {event_date}, {school} tổ "
            "chức cho học viên lớp K{k} nghiên cứu thực tế về {aspect} tại huyện {district}.",
        ),
        "sentences": (
            "Tại buổi làm việc, đồng chí {name}, {position} đã giới thiệu với học viên lớp K{k} về "
            "tình hình {aspect} của huyện {district}.",
            "Đoàn đã tham quan {n4} mô hình tiêu biểu và dâng hương tại Khu di tích lịch sử của "
            "huyện {district2}.",
            "Sau chuyến đi, mỗi tổ học viên lớp K{k} sẽ hoàn thành một báo cáo thu hoạch dài "
            "khoảng "
            "{n1} trang.",
        ),
    },
    "boi-duong": {
        "category": "news",
        "titles": (
            "Khai giảng lớp {program} khóa {m} năm {year}",
            "Bế giảng lớp {program} khóa {m} năm {year}",
            "{school} mở lớp {program} cho {n2} học viên",
        ),
        "leads": (
            "Ngày {event_date}, {school} khai giảng lớp {program} khóa {m} "
            "năm {year} cho {n2} học viên đến từ các sở, ban, ngành và huyện {district}.",
            "Thực hiện kế hoạch năm {year}, ngày {event_date}, nhà trường tổ chức lớp {program} "
            "khóa {m} với {n2} học viên tham gia.",
        ),
        "sentences": (
            "Trong {n1} ngày, học viên khóa {m} được bồi dưỡng {n4} chuyên đề về {topic_list}.",
            "Kết thúc khóa học, {n3} học viên có bài thu hoạch đạt loại giỏi, được cấp chứng chỉ "
            "ngày {date2}.",
            "Đồng chí {name}, {position} đề nghị các học viên vận dụng kiến thức vào thực "
            "tiễn công "
            "tác tại huyện {district}.",
        ),
    },
    "hoi-thi": {
        "category": "news",
        "titles": (
            "Hội thi giảng viên dạy giỏi cấp trường năm {year} lần thứ {n4}",
            "Chung kết Hội thi “Học viên giỏi” lớp K{k}",
            "Giảng viên {department} đạt giải nhất Hội thi giảng viên dạy giỏi năm {year}",
        ),
        "leads": (
            "Từ ngày {event_date} đến ngày {date2}, {school} tổ chức Hội thi "
            "giảng viên dạy giỏi cấp trường năm {year} với {n3} giảng viên tham gia.",
            "Ngày {event_date}, lớp Trung cấp lý luận chính trị - hành chính K{k} tổ chức "
            "chung kết "
            "Hội thi “Học viên giỏi” với {n4} đội thi.",
        ),
        "sentences": (
            "Giảng viên {name} của {department} đạt giải nhất với bài giảng về {topic_lower}.",
            "Ban Giám khảo gồm {n4} thành viên là lãnh đạo nhà trường và giảng viên của Học viện "
            "Chính trị khu vực III.",
            "Hội thi là dịp để {n3} giảng viên trẻ trao đổi kinh nghiệm, đổi mới phương pháp giảng "
            "dạy theo hướng tích cực.",
        ),
    },
    "ky-niem": {
        "category": "news",
        "titles": (
            "Kỷ niệm {anniversary} năm Ngày Nhà giáo Việt Nam 20/11/{year}",
            "Gặp mặt cán bộ hưu trí nhân kỷ niệm {anniversary} năm Ngày Nhà giáo Việt Nam",
            "{school} kỷ niệm {anniversary} năm Ngày Nhà giáo Việt Nam",
        ),
        "leads": (
            "Ngày {event_date}, {school} long trọng tổ chức Lễ kỷ niệm "
            "{anniversary} năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/{year}) với sự tham dự "
            "của {n2} đại biểu.",
            "Hướng tới kỷ niệm {anniversary} năm Ngày Nhà giáo Việt Nam, ngày {event_date}, nhà "
            "trường tổ chức gặp mặt {n3} nguyên lãnh đạo, cán bộ, giảng viên nghỉ hưu.",
        ),
        "sentences": (
            "Nhân dịp này, {n3} giảng viên được nhận Kỷ niệm chương “Vì sự nghiệp giáo dục” và "
            "{n4} giảng viên được tặng giấy khen.",
            "Đồng chí {name}, {position} ôn lại truyền thống {n1} năm xây dựng và phát triển của "
            "nhà trường.",
            "Chương trình văn nghệ chào mừng do học viên lớp K{k} biểu diễn đã để lại nhiều ấn "
            "tượng với {n2} đại biểu.",
        ),
    },
    "dai-hoi": {
        "category": "news",
        "titles": (
            "Đại hội Chi bộ {department} nhiệm kỳ {year}-{year5}",
            "Đại hội đại biểu Đảng bộ {school} lần thứ {roman}, nhiệm kỳ {year}-{year5}",
        ),
        "leads": (
            "Ngày {event_date}, Chi bộ {department} {school} tổ chức Đại "
            "hội nhiệm kỳ {year}-{year5} với sự tham dự của {n3} đảng viên.",
            "Trong {n4} ngày, từ ngày {event_date}, Đảng bộ {school} tổ "
            "chức Đại hội đại biểu lần thứ {roman}, nhiệm kỳ {year}-{year5}.",
        ),
        "sentences": (
            "Đại hội đã bầu Chi ủy gồm {n4} đồng chí; đồng chí {name} được bầu giữ chức Bí thư Chi "
            "bộ nhiệm kỳ {year}-{year5}.",
            "Nhiệm kỳ qua, chi bộ đã lãnh đạo hoàn thành {n3}/{n1} chỉ tiêu, kết nạp {n4} đảng "
            "viên mới.",
            "Đồng chí {name}, {position} đề nghị chi bộ tập trung {task} trong nhiệm kỳ mới.",
        ),
    },
    "nghien-cuu": {
        "category": "research",
        "titles": (
            "Nâng cao chất lượng {aspect} ở huyện {district} hiện nay",
            "Một số giải pháp {task} ở {school} giai đoạn {year}-{year5}",
            "Vận dụng tư tưởng Hồ Chí Minh về {aspect} ở huyện {district}",
            "Thực trạng và giải pháp {aspect} tại huyện {district} giai đoạn {year}-{year5}",
        ),
        "leads": (
            "Thời gian qua, công tác {aspect} ở huyện {district} đã đạt được nhiều kết quả quan "
            "trọng; tuy nhiên, qua khảo sát {n2} cán bộ cơ sở năm {year}, vẫn còn không ít hạn chế "
            "cần khắc phục.",
            "Bài viết phân tích thực trạng {aspect} ở huyện {district} giai đoạn {year}-{year5} và "
            "đề xuất {n4} nhóm giải pháp nhằm {task}.",
        ),
        "sentences": (
            "Thứ {ordinal}, cần {solution}, nhất là ở {n3} xã còn gặp nhiều khó khăn của huyện "
            "{district}.",
            "Số liệu khảo sát năm {year} cho thấy {pct}% cán bộ cơ sở được hỏi đánh giá {claim}.",
            "Để {task}, cần tập trung thực hiện đồng bộ {n4} nhóm giải pháp trong giai đoạn "
            "{year}-{year5}.",
            "Thứ {ordinal}, phải {solution} gắn với tình hình thực tế của huyện {district2}.",
        ),
    },
}

#: Photo captions; ``{name}`` and friends are filled like sentences.
CAPTIONS = (
    "Quang cảnh buổi lễ ngày {event_date}",
    "Đồng chí {name}, {position} phát biểu tại buổi lễ",
    "Các đại biểu chụp ảnh lưu niệm cùng học viên lớp K{k}",
    "Lãnh đạo nhà trường trao giấy khen cho {n3} học viên xuất sắc",
    "Đồng chí {name} trao bằng tốt nghiệp cho học viên lớp K{k}",
    "Toàn cảnh hội nghị tại hội trường cơ sở {campus}",
    "Học viên lớp K{k} thảo luận nhóm tại huyện {district}",
)

#: Subtitles of the "Giới thiệu" page (a long text that is not an article).
ABOUT = (
    "{school} là cơ sở đào tạo, bồi dưỡng cán bộ lãnh đạo, quản lý của hệ "
    "thống chính trị ở cơ sở; trực thuộc Tỉnh ủy và Ủy ban nhân dân tỉnh, chịu sự chỉ đạo trực "
    "tiếp, toàn diện của Ban Thường vụ Tỉnh ủy.",
    "Nhà trường có chức năng đào tạo, bồi dưỡng cán bộ, công chức, viên chức về lý luận chính trị "
    "- hành chính, quản lý nhà nước và kiến thức, kỹ năng lãnh đạo, quản lý; nghiên cứu khoa học "
    "về lý luận chính trị, tổng kết thực tiễn ở địa phương.",
    "Cơ cấu tổ chức gồm Ban Giám hiệu, 03 phòng chức năng và 04 khoa chuyên môn; đội ngũ giảng "
    "viên đều có trình độ cao cấp lý luận chính trị.",
)
