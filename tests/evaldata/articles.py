"""Article texts for the evaluation pages.

Five are the seed articles in ``/work/shared/seeds`` (kept as extracted, with
their captions and bylines split out); the others are written in the same
register, about the same kind of events, so that every layout can be filled
with a different article. ``captions`` are ``(after_paragraph_index, text)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    title: str
    paragraphs: tuple[str, ...]
    lead: str | None = None
    captions: tuple[tuple[int, str], ...] = field(default_factory=tuple)


SEED_000 = Text(
    title="Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2022",
    paragraphs=(
        "Chiều ngày 29/6/2022, Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2022 và triển khai phương hướng, nhiệm vụ công tác Đảng 6 tháng cuối năm 2022, đồng chí Phạm Văn Cường, Bí thư Đảng ủy, Hiệu trưởng Trường Chính trị tỉnh chủ trì Hội nghị. Tham dự Hội nghị có các đồng chí trong Đảng ủy, Ban Giám hiệu, Ban Chấp hành Công đoàn và đảng viên trực thuộc Đảng bộ Nhà trường gồm: Chi bộ Hành chính, Chi bộ Giảng viên và 50 đảng viên sinh hoạt tạm thời của Lớp Trung cấp lý luận chính trị K126.",
        "Báo cáo đánh giá tổng kết công tác 6 tháng đầu năm 2022 của Đảng bộ Trường Chính trị đã nêu rõ: Mặc dù dịch Covid-19 còn diễn biến phức tạp, kéo dài, tuy nhiên dưới sự lãnh đạo, chỉ đạo kịp thời của Đảng ủy, Nhà trường đã đạt những kết quả đáng kể trên tất cả các mặt công tác, cụ thể: Ban Giám hiệu phối hợp với Học viện Chính trị khu vực III; các sở, ban, ngành, hội, đoàn thể đã tích cực, linh hoạt triển khai thực hiện công tác đào tạo, bồi dưỡng bằng hình thức trực tuyến kết hợp trực tiếp theo đúng kế hoạch ban hành. Trong 6 tháng đầu năm 2022, đã tổ chức giảng dạy, phục vụ 27 lớp với số lượng 3.789 học viên; Công tác nghiên cứu khoa học đang triển khai thực hiện 08 đề tài khoa học cấp cơ sở; các giảng viên, viên chức tham gia viết bài cho website “Việt Nam thịnh vượng”, các hội thảo khoa học cấp cụm thi đua, cấp cơ sở theo nhiều chủ đề vừa góp phần nâng cao năng lực nghiên cứu khoa học, vừa góp phần bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch; xây dựng và triển khai thực hiện Kế hoạch kiểm tra, giám sát của Đảng ủy…",
        "Phương hướng 6 tháng cuối năm 2022, Đảng ủy Nhà trường xác định nhiệm vụ trọng tâm là tiếp tục đổi mới, nâng cao chất lượng công tác giáo dục chính trị, tư tưởng và đạo đức cách mạng cho đảng viên, tạo sự thống nhất về nhận thức chính trị, tư tưởng và hành động trong toàn thể đảng viên của Đảng bộ Nhà trường. Chú trọng triển khai thực hiện nghiêm Nghị quyết Trung ương 4 khóa XI, XII; Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương khóa XIII “Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”” gắn với tiếp tục thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; lãnh đạo nâng cao chất lượng giảng dạy, học tập; đẩy mạnh các hoạt động nghiên cứu khoa học, nghiên cứu thực tế, dự giờ, duyệt bài giảng mới của giảng viên và việc nâng cao chất lượng, trình độ đội ngũ đảng viên là giảng viên của Đảng bộ; đồng thời theo dõi, quản lý và đánh giá đúng tình hình đảng viên Lớp K126 đang tham gia sinh hoạt tạm thời tại Đảng bộ Trường theo kế hoạch học tập.",
    ),
    captions=((1, "Quang cảnh Hội nghị"),),
)

SEED_001 = Text(
    title="Đảng bộ Trường Chính trị tỉnh tổng kết 2020, triển khai nhiệm vụ 2021",
    paragraphs=(
        "Ngày 29/01/2021, Đảng bộ Trường Chính trị tỉnh Vĩnh Phúc tổ chức Hội nghị tổng kết công tác xây dựng Đảng năm 2020 và triển khai nhiệm vụ năm 2021. Đồng chí Nguyễn Thị Thu Hà - Tỉnh ủy viên, Bí thư Đảng uỷ, Hiệu trưởng Trường Chính trị tỉnh chủ trì hội nghị. Báo cáo tổng kết của đã đánh giá những thuận lợi, khó khăn của Đảng bộ nhà trường năm 2020; những kết quả đạt được, đồng thời cũng chỉ ra những mặt còn hạn chế và nguyên nhân, rút ra những bài học kinh nghiệm. Trên cơ sở đó, căn cứ vào nhiệm vụ chính trị được Tỉnh ủy giao, Đảng ủy nhà trường đã xác định phương hướng, giải pháp triển khai thực hiện nhiệm vụ chính trị của Đảng bộ năm 2021.",
        "Năm 2020, trong bối cảnh tình hình thế giới, khu vực có nhiều diễn biến phức tạp, tình hình trong nước có những thuận lợi cơ bản song cũng gặp không ít khó khăn, đặc biệt là ảnh hưởng của đại dịch Covid-19, biến đổi khí hậu và việc cả nước chung sức giúp đỡ miền Trung khắc phục hậu quả mưa lũ... Trong bối cảnh đó, Đảng ủy, Lãnh đạo trường cùng toàn thể đội ngũ cán bộ, đảng viên, viên chức trong nhà trường đã nỗ lực vượt qua khó khăn, phấn đấu hoàn thành tốt các nhiệm vụ chính trị được Tỉnh ủy, UBND tỉnh giao. Cụ thể:",
        "Về công tác đào tạo, liên kết đào tạo, công tác bồi dưỡng, năm 2020, nhà trường đã mở mới được 62 lớp với 6481 học viên (58 lớp trong kế hoạch với 6124 học viên, 4 lớp ngoài kế hoạch với 357 học viên). Cụ thể: Hệ liên kết đào tạo (Cao học chuyên ngành Lãnh đạo học) 01 lớp với 88 học viên; Đào tạo TCLLCT-HC 08 lớp với 633 học viên (02 lớp ngài kết hoạch với 153 học viên); Bồi dưỡng giảng viên 01 lớp với 50 học viên; Bồi dưỡng lãnh đạo cấp phòng và dự nguồn lãnh đạo cấp phòng 07 lớp với 740 học viên; Bồi dưỡng chương trình chuyên viên 04 lớp với 444 học viên (02 lớp ngoài kế hoạch với 204 học viên); Bồi dưỡng nghiệp vụ công tác Đảng, đoàn thể cơ sở 16 lớp với 2.157 học viên; Bồi dưỡng theo Kế hoạch số 91-KH/TU, ngày 29/7/2014 của Ban Thường vụ Tỉnh ủy 25 lớp với 2.500 học viên.",
        "Trong năm 2020, Nhà trường cử 02 giảng viên đi đào tạo Cao cấp lý luận chính trị - hành chính; 03 giảng viên đi học hoàn thiện Cao cấp lý luận chính trị - hành chính; 01 giảng viên đi học Cao học; cử 09 lượt giảng viên tham gia bồi dưỡng nghiệp vụ và tập huấn các chương trình do Học viện chính trị Quốc gia Hồ Chí Minh, các bộ, ban, ngành Trung ương và các sở, ngành của tỉnh Vĩnh Phúc tổ chức; cử 09 cán bộ, giảng viên đi học các lớp bồi dưỡng ngạch chuyên viên, chuyên viên chính. Các hoạt động thao giảng, dự giờ, sinh hoạt chuyên môn, đặc biệt là việc tổ chức Hội thi giảng viên dạy giỏi cấp trường được thực hiện nghiêm túc, chất lượng, hiệu quả.",
        "Phát biểu chỉ đạo Hội nghị, đồng chí Nguyễn Thị Thu Hà - Tỉnh ủy viên. Bí thư Đảng uỷ, Hiệu trưởng nhà trường khẳng định, năm 2020 Đảng bộ và nhà trường đã hoàn thành tốt nhiệm vụ chính trị được Tỉnh ủy giao. Công tác xây dựng Đảng bộ, chi bộ trong sạch vững mạnh tiếp tục được coi trọng và đạt kết quả tốt. Bên cạnh đó, đồng chí cũng chỉ ra một số hạn chế cần tập trung khắc phục trong năm 2021.",
        "Tại hội nghị, nhiều lượt ý kiến thảo luận góp ý của đảng viên tập trung vào việc nâng cao chất lượng công tác giảng dạy, quản lý học viên; nâng cao chất lượng công tác nghiên cứu khoa học, nghiên cứu thực tiễn; nâng cao chất lượng đội ngũ cán bộ, giảng viên; nâng cao chất lượng sinh hoạt chi bộ, sinh hoạt chuyên đề; nâng cao chất lượng công tác quản lý, phân công nhiệm vụ cho đảng viên và việc nâng cao chất lượng công tác kiểm tra, giám sát.",
        "Đảng ủy nhà trường đã trao giấy khen cho 9 đảng viên hoàn thành xuất sắc nhiệm vụ và chi bộ Phòng Quản lý đào tạo và Nghiên cứu khoa học đạt trong sạch, vững mạnh tiêu biểu.",
    ),
    captions=(
        (
            -1,
            "Đ/c Nguyễn Thị Thu Hà - Tỉnh ủy viên, Bí thư Đảng uỷ, Hiệu trưởng Trường Chính trị tỉnh trao Giấy khen cho Chi bộ phòng Quản lý đào tạo và Nghiên cứu khoa học xếp loại trong sạch vững mạnh tiêu biểu năm 2020",
        ),
    ),
)

SEED_002 = Text(
    title="Hội nghị Tổng kết công tác Đảng năm 2012, phương hướng nhiệm vụ năm 2013 và sơ kết 02 năm triển khai thực hiện Chỉ thị 03-CT/TW của Bộ Chính trị (khóa XI)",
    paragraphs=(
        "Ngày 27/3/2013, Đảng bộ Trường Chính trị tỉnh Bến Tre tổ chức Hội nghị Tổng kết công tác Đảng năm 2012, phương hướng, nhiệm vụ năm 2013 và sơ kết 02 năm triển khai thực hiện Chỉ thị 03-CT/TW của Bộ Chính trị (khóa XI).",
        "Đến dự Hội nghị có các đồng chí: Lê Ngọc Duệ, Phó Bí thư Đảng ủy Khối Các cơ quan tỉnh; Nguyễn Trung Dương, Tỉnh ủy viên, Bí thư Đảng ủy, Hiệu trưởng nhà trường; cùng toàn thể đảng viên Trường Chính trị và học viện Lớp Trung cấp LLCT-HC khóa 29, 30 tham gia sinh hoạt Đảng tại trường.",
        "Trong năm 2012, Đảng ủy nhà trường luôn đề cao tinh thần trách nhiệm, thể hiện tốt vai trò lãnh đạo, chỉ đạo, phối hợp điều hành và tổ chức thực hiện tốt nhiệm vụ chính trị mà Đảng, Nhà nước giao. Về lãnh đạo thực hiện nhiệm vụ chính trị, Trường đã triển khai thực hiện nghiêm túc, đảm bảo kế hoạch, công tác đào tạo, bồi dưỡng cơ bản đạt và vượt chỉ tiêu đề ra. Cụ thể: Đào tạo 32 lớp với 2.477 học viên (Đại học, Cao cấp LLCT-HC 10 lớp với 913 học viên; Trung cấp LLCT-HC với 1.564 học viên); bồi dưỡng 33 lớp với 3.434 học viên.",
        "Công tác đào tạo, bồi dưỡng nâng cao trình độ lý luận chính trị, chuyên môn, nghiệp vụ, tuyển dụng, đề bạt, bổ nhiệm và nâng lương cho đội ngũ cán bộ, giảng viên cũng được nhà trường quan tâm thực hiện. Tiếp tục kiện toàn tổ chức, hoạt động của đơn vị trong năm 2013.",
        "Để cuộc vận động được thực hiện tốt, Đảng ủy nhà trường đã thiết kế, lắp đặt 25 bản “chuẩn mực đạo đức của cán bộ, đảng viên, công chức, viên chức và học viên Trường Chính trị”. Ngoài ra, Đảng ủy còn tổ chức sưu tầm, tra cứu, mở rộng nội dung tuyên truyền bằng cách chiếu các phim tài liệu về cuộc đời, sự nghiệp, kể các câu chuyện thiết thực về phẩm chất đạo đức trong sáng của Chủ tịch Hồ Chí Minh cho toàn đảng viên, giảng viên nghe để học tập và làm theo.",
        "Năm 2012, Đảng bộ Trường Chính trị có 7/32 đảng viên “đủ tư cách hoàn thành xuất sắc nhiệm vụ” chiếm 21,87%; 17/32 đảng viên “đủ tư cách, hoàn thành tốt nhiệm vụ” chiếm 53,13%; 8/32 đảng viên “đủ tư cách, hoàn thành nhiệm vụ” chiếm 25% và Đảng bộ trường được Đảng ủy Khối Các cơ quan tỉnh công nhận Đảng bộ đạt trong sạch, vững mạnh.",
        "Tại Hội nghị, các đảng viên đã có nhiều ý kiến đóng góp cho bản dự thảo báo cáo tổng kết, đồng thời đề ra các kế hoạch, phương hướng hoạt động cụ thể nhằm giúp Đảng ủy Trường Chính trị tháo gỡ những khó khăn còn tồn tại và tiếp tục gặt hái được nhiều thành công hơn nữa trong năm 2013./.",
    ),
    captions=(
        (
            5,
            "Đồng chí Lê Ngọc Duệ, Phó Bí thư Đảng ủy Khối Các cơ quan tỉnh trao giấy khen cho tập thể tiêu biểu xuất sắc trong thực hiện cuộc vận động học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
        ),
    ),
)

SEED_003 = Text(
    title="Phấn đấu xây dựng Trường Chính trị tỉnh đạt chuẩn",
    paragraphs=(
        "Sáng ngày 6/1, Trường Chính trị tỉnh tổ chức hội nghị sơ kết 1 năm triển khai thực hiện Đề án xây dựng Trường Chính trị tỉnh Thái Bình đạt chuẩn giai đoạn 2022 - 2028. Tới dự có đồng chí Phạm Đồng Thụy, Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy.",
        "Trong năm qua, trên cơ sở bám sát các nội dung Đề án xây dựng Trường Chính trị tỉnh Thái Bình đạt chuẩn giai đoạn 2022 - 2028 đã được Ban Thường vụ Tỉnh ủy phê duyệt, nhà trường đã tập trung hoàn thiện các tiêu chí theo lộ trình. Trong đó, tập trung cử các giảng viên đi học nâng cao về trình độ về lý luận chính trị; cụ thể hóa chương trình bồi dưỡng đối tượng 4 theo nhóm đối tượng học, xây dựng và thực hiện 3 chương trình bồi dưỡng mới theo chức danh; đẩy mạnh xây dựng văn hóa trường Đảng thông qua việc tổ chức hội thảo cấp trường về chủ đề “Nâng cao văn hóa công vụ, hướng đến xây dựng văn hóa trường Đảng ở Trường Chính trị tỉnh Thái Bình giai đoạn hiện nay” và nâng cao chất lượng các hoạt động giảng dạy, chuyên môn, quản lý, phục vụ, các hoạt động văn hóa, thể thao trong cán bộ, viên chức và học viên. Mở 3 lớp trung cấp lý luận chính trị hệ tập trung; tổ chức 1 hội thảo khoa học cấp tỉnh, 3 hội thảo khoa học cấp trường, xuất bản 4 bản tin Thông tin lý luận và thực tiễn. Thời gian tới, nhà trường tiếp tục tập trung rà soát, hoàn thiện các tiêu chí chưa đạt, trong đó tiếp tục phát triển đội ngũ cán bộ, giảng viên đủ về số lượng, bảo đảm chất lượng; bổ sung, chỉnh sửa một số quy chế, quy định, quy trình bảo đảm phù hợp yêu cầu công tác lãnh đạo, quản lý thực tế; nâng cấp cơ sở vật chất, bổ sung trang thiết bị theo dự án tổng thể được phê duyệt bảo đảm yêu cầu đạt chuẩn mức 1 trong năm 2024.",
        "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy đề nghị trong thời gian tới từng cá nhân, từng khoa, phòng của nhà trường phải nêu cao tinh thần trách nhiệm trong thực hiện các tiêu chí, xác định rõ nội dung nào chưa đạt từ đó có phương án hoàn thiện trong thời gian sớm nhất. Đồng chí cũng trực tiếp trao đổi, gợi ý một số giải pháp nhằm tháo gỡ khó khăn, tạo điều kiện để xây dựng Trường Chính trị tỉnh sớm trở thành trường chính trị chuẩn, đóng góp quan trọng vào sự nghiệp đào tạo, bồi dưỡng cán bộ của tỉnh.",
    ),
    captions=(
        (
            0,
            "Đồng chí Phạm Đồng Thụy, Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy phát biểu tại hội nghị.",
        ),
        (1, "Lãnh đạo Trường Chính trị tỉnh báo cáo tại hội nghị."),
    ),
)

SEED_004 = Text(
    title="CỤM THI ĐUA CÁC TRƯỜNG CHÍNH TRỊ KHU VỰC TRUNG DU MIỀN NÚI PHÍA BẮC TỔ CHỨC HỘI NGHỊ TỔNG KẾT PHONG TRÀO THI ĐUA, CÔNG TÁC KHEN THƯỞNG NĂM 2021, TRIỂN KHAI NHIỆM VỤ NĂM 2022",
    paragraphs=(
        "Sáng ngày 26/11/2021, tại Trường Chính trị tỉnh Phú Thọ, Cụm Thi đua các trường chính trị khu vực Trung du miền núi phía Bắc - Học viện Chính trị quốc gia Hồ Chí Minh đã tổ chức Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm 2021, triển khai nhiệm vụ năm 2022.",
        "Chủ trì Hội nghị do đồng chí Nguyễn Thị Thanh Hương - Bí thư Đảng ủy, Hiệu trưởng Trường Chính trị tỉnh Phú Thọ, đồng chí Nguyễn Minh Đức - Bí thư chi bộ, Hiệu trưởng Trường Chính trị tỉnh Bắc Cạn (Đơn vị Cụm trưởng và Cụm phó thường trực, Cụm Thi đua các trường chính trị khu vực Trung du miền núi phía Bắc - năm 2021).",
        "Dự và chỉ đạo Hội nghị có TS Cầm Thị Lai - Phó Vụ trưởng Vụ các trường chính trị, Học viện Chính trị quốc gia Hồ Chí Minh; đồng chí Nguyễn Tường Thứ - Tỉnh ủy viên, Phó Trưởng ban Thường trực Ban Tổ chức Tỉnh ủy Phú Thọ.",
        "Sau khi nghe đồng chí Nguyễn Văn Nhạ - Phó Hiệu trưởng Trường Chính trị tỉnh Phú Thọ (Đơn vị Cụm trưởng Cụm thi đua các trường chính trị khu vực Trung du miền núi phía Bắc) trình bày Dự thảo Báo cáo tổng kết phong trào thi đua, công tác khen thưởng năm 2021 và triển khai nhiệm vụ năm 2022; Hội nghị đã thảo luận và có 07 kiến phát biểu tham luận của Lãnh đạo 07 trường trong Cụm Thi đua về kinh nghiệm hay, cách làm mới, những khó khăn trong thực hiện nhiệm vụ chính trị, tổ chức phong trào thi đua; đặc biệt là kinh nghiệm giữa các trường về việc tổ chức thực hiện nhiệm vụ đào tạo, bồi dưỡng cán bộ trong điều kiện thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch bệnh Covid-19.",
        "Thứ nhất: Về xây dựng Đề án trường chính chuẩn theo Quy định 11-QĐ/TW: các trường chính trị trong Cụm Thi đua đều dự kiến đạt chuẩn vào năm 2025, 2026, 2030; đây là lộ trình thực hiện cần có sự nỗ lực, cố gắng của các trường (Tham khảo trường Yên Bái để tham mưu đề xuất với Tỉnh uỷ trong việc hỗ trợ kinh phí cho giảng viên đi Nghiên cứu sinh).",
        "Thứ hai: Cần tăng cường các biện pháp để nâng cao chất lượng công tác đào tạo, bồi dưỡng cán bộ và nghiên cứu khoa học. Năm 2022, Học viện tiếp tục xiết chặt kỷ cương học đường, nâng cao năng lực đội ngũ giảng viên, học viên; Học viện đã và đang triển khai việc quản lý các lớp học trực tuyến.",
        "Căn cứ kết quả và thành tích đạt được năm 2021, Cụm Thi đua các trường chính trị khu vực Trung du miền núi phía Bắc đã bình xét, suy tôn và đề nghị Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh tặng Cờ thi đua cho Trường Chính trị tỉnh Phú Thọ, tặng Bằng khen cho Trường Chính trị tỉnh Yên Bái. Đồng thời, Cụm thi đua các trường chính trị khu vực Trung du miền núi phía Bắc đã bầu Trường Chính trị tỉnh Bắc Cạn làm Cụm trưởng, Trường Chính trị tỉnh Hòa Bình làm Cụm phó thường trực, Trường Chính trị tỉnh Tuyên Quang làm Cụm phó 2 của Cụm Thi đua năm 2022./.",
    ),
    captions=(
        (
            0,
            "Toàn cảnh Hội nghị ở điểm cầu Trường Chính trị tỉnh Phú Thọ và các điểm cầu trên phần mềm Microsoft Teams",
        ),
        (
            3,
            "TS. Cầm Thị Lai - Phó Vụ trưởng Vụ các trường chính trị, Học viện Chính trị quốc gia Hồ Chí Minh phát biểu chỉ đạo Hội nghị",
        ),
    ),
)

KHAI_GIANG = Text(
    title="Khai giảng lớp Trung cấp lý luận chính trị - hành chính hệ tập trung khóa 114",
    lead="Sáng ngày 12/9, Trường Chính trị tỉnh tổ chức Lễ khai giảng lớp Trung cấp lý luận chính trị - hành chính hệ tập trung khóa 114 cho 96 học viên là cán bộ, công chức, viên chức đang công tác tại các sở, ban, ngành và các huyện, thành phố trong tỉnh.",
    paragraphs=(
        "Phát biểu khai giảng, đồng chí Phó Hiệu trưởng nhà trường nhấn mạnh chương trình Trung cấp lý luận chính trị - hành chính trang bị cho học viên hệ thống kiến thức cơ bản về chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, đường lối của Đảng, chính sách và pháp luật của Nhà nước, cùng những kỹ năng lãnh đạo, quản lý cần thiết ở cơ sở.",
        "Lớp học được tổ chức trong thời gian 8 tháng, gồm 4 phần học với 19 học phần, xen kẽ các đợt nghiên cứu thực tế tại địa phương. Nhà trường yêu cầu học viên chấp hành nghiêm quy chế học tập, nội quy của nhà trường, phát huy tinh thần tự học, tích cực trao đổi, thảo luận để nắm vững kiến thức và vận dụng vào thực tiễn công tác.",
        "Thay mặt học viên, đại diện Ban cán sự lớp hứa sẽ đoàn kết, khắc phục khó khăn, thực hiện tốt nội quy, quy chế, phấn đấu hoàn thành xuất sắc nhiệm vụ học tập, xứng đáng với sự tin tưởng của cơ quan, đơn vị cử đi học.",
    ),
    captions=((0, "Đồng chí Phó Hiệu trưởng phát biểu khai giảng lớp học"),),
)

HOI_THI = Text(
    title="Hội thi giảng viên dạy giỏi cấp trường năm 2023",
    paragraphs=(
        "Thực hiện kế hoạch năm học 2022 - 2023, từ ngày 15 đến ngày 19/5/2023, Trường Chính trị Trần Phú tổ chức Hội thi giảng viên dạy giỏi cấp trường với sự tham gia của 14 giảng viên thuộc 4 khoa chuyên môn.",
        "Mỗi giảng viên dự thi trình bày một bài giảng lý thuyết trong thời gian 45 phút và trả lời câu hỏi của Ban Giám khảo. Các bài giảng bám sát chương trình, giáo trình, có sự liên hệ với thực tiễn của tỉnh và ứng dụng hiệu quả công nghệ thông tin, phương pháp giảng dạy tích cực.",
        "Kết quả, Ban Tổ chức đã công nhận 5 giảng viên đạt danh hiệu giảng viên dạy giỏi xuất sắc, 7 giảng viên đạt giảng viên dạy giỏi. Hội thi là dịp để đội ngũ giảng viên trao đổi kinh nghiệm, đổi mới phương pháp, góp phần nâng cao chất lượng đào tạo, bồi dưỡng cán bộ của nhà trường.",
        "Phát biểu bế mạc Hội thi, đồng chí Hiệu trưởng ghi nhận sự chuẩn bị công phu của các giảng viên, đồng thời đề nghị các khoa tiếp tục quan tâm bồi dưỡng giảng viên trẻ, tạo nguồn giảng viên tham gia Hội thi cấp Học viện trong thời gian tới.",
    ),
    captions=((1, "Một tiết giảng tại Hội thi"),),
)

BE_GIANG_QPAN = Text(
    title="Bế giảng lớp bồi dưỡng kiến thức quốc phòng và an ninh cho đối tượng 4 năm 2022",
    paragraphs=(
        "Chiều 28/10/2022, Trường Chính trị tỉnh phối hợp với Bộ Chỉ huy Quân sự tỉnh tổ chức bế giảng lớp bồi dưỡng kiến thức quốc phòng và an ninh cho đối tượng 4 năm 2022. Lớp học có 112 học viên là trưởng, phó các phòng, ban, ngành cấp huyện và cán bộ chủ chốt cấp xã.",
        "Trong thời gian 10 ngày, học viên được nghiên cứu các chuyên đề về quan điểm của Đảng về chiến lược bảo vệ Tổ quốc trong tình hình mới, xây dựng nền quốc phòng toàn dân, thế trận an ninh nhân dân, phòng chống chiến lược diễn biến hòa bình, bạo loạn lật đổ của các thế lực thù địch và một số nội dung về quản lý nhà nước đối với công tác quốc phòng, an ninh ở địa phương.",
        "Kết thúc khóa học, 100% học viên đủ điều kiện được cấp giấy chứng nhận, trong đó 38 học viên đạt loại giỏi, 70 học viên đạt loại khá. Nhà trường đã trao giấy khen cho 6 học viên có thành tích xuất sắc trong học tập.",
    ),
)

HOI_THAO_HCM = Text(
    title="Hội thảo khoa học “Vận dụng tư tưởng Hồ Chí Minh về cán bộ trong xây dựng đội ngũ cán bộ cơ sở hiện nay”",
    lead="Ngày 16/5/2024, Trường Chính trị tỉnh tổ chức Hội thảo khoa học cấp trường với chủ đề “Vận dụng tư tưởng Hồ Chí Minh về cán bộ trong xây dựng đội ngũ cán bộ cơ sở hiện nay”, nhân kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh.",
    paragraphs=(
        "Hội thảo nhận được 24 bài tham luận của cán bộ, giảng viên nhà trường và cán bộ lãnh đạo, quản lý ở cơ sở. Các tham luận tập trung làm rõ những quan điểm cơ bản của Chủ tịch Hồ Chí Minh về vị trí, vai trò của cán bộ, về tiêu chuẩn “vừa hồng, vừa chuyên” và về công tác đánh giá, lựa chọn, bố trí, sử dụng cán bộ.",
        "Nhiều ý kiến phân tích thực trạng đội ngũ cán bộ cấp xã trên địa bàn tỉnh sau khi sắp xếp đơn vị hành chính, chỉ ra những hạn chế về kỹ năng xử lý tình huống, năng lực chuyển đổi số và tinh thần dám nghĩ, dám làm của một bộ phận cán bộ.",
        "Kết luận Hội thảo, chủ trì đề nghị các khoa chuyên môn tiếp thu các ý kiến để cập nhật vào bài giảng, đồng thời tham mưu cho Tỉnh ủy những giải pháp thiết thực nhằm nâng cao chất lượng đội ngũ cán bộ cơ sở đáp ứng yêu cầu nhiệm vụ trong giai đoạn mới.",
    ),
    captions=((0, "Các đại biểu dự Hội thảo"),),
)

SINH_HOAT_CHI_BO = Text(
    title="Nâng cao chất lượng sinh hoạt chi bộ ở các trường chính trị cấp tỉnh hiện nay",
    paragraphs=(
        "Sinh hoạt chi bộ là hoạt động thường xuyên, có vai trò quyết định đến năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng. Ở các trường chính trị cấp tỉnh, chi bộ vừa lãnh đạo thực hiện nhiệm vụ chính trị của khoa, phòng, vừa là nơi rèn luyện, giáo dục đảng viên là giảng viên, viên chức.",
        "Thời gian qua, các chi bộ đã đổi mới nội dung sinh hoạt theo hướng thiết thực, gắn với nhiệm vụ chuyên môn như đổi mới phương pháp giảng dạy, nghiên cứu khoa học, xây dựng trường chính trị chuẩn. Tuy nhiên, ở một số chi bộ, nội dung sinh hoạt còn chung chung, nặng về thông báo tình hình, việc tự phê bình và phê bình chưa thực sự thẳng thắn.",
        "Để nâng cao chất lượng sinh hoạt chi bộ, cần thực hiện đồng bộ các giải pháp: chuẩn bị chu đáo nội dung trước mỗi kỳ sinh hoạt; lựa chọn chuyên đề sát với nhiệm vụ của từng khoa, phòng; phát huy vai trò của đồng chí bí thư chi bộ trong điều hành; tăng cường kiểm tra, giám sát của cấp ủy cấp trên đối với sinh hoạt chi bộ.",
        "Cùng với đó, mỗi đảng viên cần nêu cao tính tiền phong, gương mẫu, chủ động đóng góp ý kiến, thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình, góp phần xây dựng chi bộ trong sạch, vững mạnh, xây dựng nhà trường thực sự là trung tâm đào tạo, bồi dưỡng cán bộ có uy tín của tỉnh.",
    ),
)

TUYEN_SINH = Text(
    title="Thông báo tuyển sinh lớp Trung cấp lý luận chính trị hệ không tập trung năm 2024",
    paragraphs=(
        "Căn cứ kế hoạch đào tạo, bồi dưỡng cán bộ năm 2024 đã được Ban Thường vụ Tỉnh ủy phê duyệt, Trường Chính trị tỉnh thông báo tuyển sinh lớp Trung cấp lý luận chính trị hệ không tập trung mở tại huyện.",
        "Hồ sơ gồm: quyết định cử đi học, sơ yếu lý lịch có xác nhận của cơ quan, bản sao bằng tốt nghiệp và phiếu đăng ký dự học. Các cơ quan, đơn vị gửi hồ sơ về Phòng Quản lý đào tạo trước ngày 30/3/2024. Chi tiết xem tại văn bản đính kèm.",
    ),
)

THUC_TE = Text(
    title="Đoàn học viên lớp Cao cấp lý luận chính trị nghiên cứu thực tế tại huyện Tam Nông",
    paragraphs=(
        "Từ ngày 14 đến 16/6/2023, Trường Chính trị tỉnh phối hợp với Học viện Chính trị khu vực IV tổ chức cho 85 học viên lớp Cao cấp lý luận chính trị hệ không tập trung nghiên cứu thực tế tại huyện Tam Nông.",
        "Tại buổi làm việc, lãnh đạo Huyện ủy đã thông tin về tình hình kinh tế - xã hội, kết quả xây dựng nông thôn mới và công tác xây dựng Đảng của địa phương. Học viên được tham quan mô hình trồng lúa ứng dụng công nghệ cao, mô hình hợp tác xã kiểu mới và khu di tích lịch sử Gò Tháp.",
        "Qua đợt nghiên cứu thực tế, học viên có thêm tư liệu thực tiễn để hoàn thành tiểu luận cuối khóa, đồng thời học tập kinh nghiệm hay trong lãnh đạo, chỉ đạo phát triển kinh tế nông nghiệp gắn với xây dựng nông thôn mới.",
    ),
    captions=((1, "Học viên tham quan mô hình trồng lúa ứng dụng công nghệ cao"),),
)

HOI_NGHI_VIEN_CHUC = Text(
    title="Hội nghị viên chức, người lao động năm 2023",
    paragraphs=(
        "Ngày 10/02/2023, Trường Chính trị tỉnh tổ chức Hội nghị viên chức, người lao động năm 2023. Tham dự Hội nghị có toàn thể cán bộ, giảng viên, viên chức và người lao động của nhà trường.",
        "Năm 2022, nhà trường đã mở 58 lớp với hơn 5.200 lượt học viên, vượt 12% so với kế hoạch; hoàn thành 6 đề tài khoa học cấp cơ sở; tổ chức thành công Hội thảo khoa học cấp tỉnh về xây dựng văn hóa trường Đảng. Công tác cải cách hành chính, thực hành tiết kiệm, chống lãng phí được thực hiện nghiêm túc.",
        "Hội nghị đã thảo luận, đóng góp ý kiến vào Quy chế chi tiêu nội bộ, Quy chế dân chủ ở cơ sở, Quy chế thi đua, khen thưởng và biểu quyết thông qua các chỉ tiêu thi đua năm 2023. Dịp này, Công đoàn và chính quyền nhà trường đã ký kết chương trình phối hợp hoạt động năm 2023.",
    ),
)

HUAN_CHUONG = Text(
    title="Trường Chính trị tỉnh đón nhận Huân chương Lao động hạng Nhì",
    lead="Sáng 18/11/2022, Trường Chính trị tỉnh long trọng tổ chức Lễ kỷ niệm 40 năm Ngày Nhà giáo Việt Nam và đón nhận Huân chương Lao động hạng Nhì của Chủ tịch nước.",
    paragraphs=(
        "Trải qua hơn 60 năm xây dựng và phát triển, nhà trường đã đào tạo, bồi dưỡng hàng chục nghìn lượt cán bộ, đảng viên cho tỉnh, nhiều đồng chí đã trưởng thành, giữ các cương vị lãnh đạo chủ chốt ở các cấp. Đội ngũ giảng viên không ngừng lớn mạnh, hiện có 4 tiến sĩ và 32 thạc sĩ.",
        "Thừa ủy quyền của Chủ tịch nước, đồng chí Phó Bí thư Thường trực Tỉnh ủy đã trao Huân chương Lao động hạng Nhì cho tập thể nhà trường vì đã có thành tích xuất sắc trong công tác đào tạo, bồi dưỡng cán bộ giai đoạn 2017 - 2021, góp phần vào sự nghiệp xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc.",
        "Phát biểu tại buổi lễ, đồng chí Phó Bí thư Thường trực Tỉnh ủy đề nghị nhà trường tiếp tục đổi mới nội dung, chương trình, phương pháp giảng dạy; chú trọng xây dựng đội ngũ giảng viên vừa có trình độ lý luận vững vàng, vừa có kinh nghiệm thực tiễn; phấn đấu sớm đạt chuẩn mức 1 theo Quy định 09-QĐ/TW.",
    ),
    captions=(
        (
            1,
            "Đồng chí Phó Bí thư Thường trực Tỉnh ủy trao Huân chương Lao động hạng Nhì cho nhà trường",
        ),
    ),
)

NHA_GIAO = Text(
    title="Tọa đàm kỷ niệm 41 năm Ngày Nhà giáo Việt Nam",
    paragraphs=(
        "Chiều 17/11/2023, Công đoàn Trường Chính trị tỉnh tổ chức buổi tọa đàm kỷ niệm 41 năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2023). Buổi tọa đàm có sự tham gia của các thế hệ nhà giáo đã nghỉ hưu và cán bộ, giảng viên đang công tác.",
        "Tại buổi tọa đàm, các đại biểu ôn lại truyền thống vẻ vang của ngành giáo dục và của nhà trường, chia sẻ những kỷ niệm sâu sắc trong sự nghiệp “trồng người”, đồng thời trao đổi về trách nhiệm của người giảng viên trường Đảng trong giai đoạn hiện nay.",
        "Dịp này, nhà trường đã biểu dương 8 giảng viên có thành tích tiêu biểu trong giảng dạy và nghiên cứu khoa học năm 2023.",
    ),
)

KET_NAP = Text(
    title="Kết nạp đảng viên mới cho học viên lớp Trung cấp lý luận chính trị",
    paragraphs=(
        "Ngày 22/3/2024, Chi bộ lớp Trung cấp lý luận chính trị - hành chính khóa 76 tổ chức Lễ kết nạp đảng viên mới cho quần chúng Nguyễn Thị Mỹ Linh, học viên của lớp, hiện công tác tại Ủy ban nhân dân xã Hòa Lạc.",
        "Trong thời gian học tập tại trường, quần chúng Nguyễn Thị Mỹ Linh luôn có ý thức tổ chức kỷ luật tốt, tích cực học tập và tham gia các phong trào của lớp, được tập thể lớp tín nhiệm giới thiệu và được cấp ủy cấp trên xem xét, quyết định kết nạp vào Đảng.",
        "Phát biểu tại buổi lễ, đồng chí Bí thư Đảng ủy nhà trường chúc mừng đảng viên mới và đề nghị đồng chí tiếp tục phấn đấu, rèn luyện, giữ gìn phẩm chất đạo đức, lối sống, xứng đáng với danh hiệu đảng viên Đảng Cộng sản Việt Nam.",
    ),
)

CO_SO_VAT_CHAT = Text(
    title="Kiểm tra cơ sở vật chất Trường Chính trị tỉnh bảo đảm đạt chuẩn mức 1 vào năm 2026",
    paragraphs=(
        "Ngày 8/5/2025, Đoàn công tác của Ban Thường vụ Tỉnh ủy do đồng chí Phó Bí thư Tỉnh ủy làm trưởng đoàn đã kiểm tra tiến độ đầu tư cơ sở vật chất tại Trường Chính trị tỉnh.",
        "Theo báo cáo, dự án cải tạo, nâng cấp ký túc xá, hội trường và nhà ăn học viên đã hoàn thành 80% khối lượng; hệ thống phòng học thông minh, thư viện điện tử đang được lắp đặt. Cơ sở 2 tại trụ sở Ủy ban nhân dân phường Tân Phong cũ sẽ được đưa vào sử dụng từ tháng 9/2025.",
        "Kết luận buổi kiểm tra, trưởng đoàn yêu cầu chủ đầu tư và các nhà thầu đẩy nhanh tiến độ, bảo đảm chất lượng công trình; nhà trường chủ động rà soát các tiêu chí còn thiếu để hoàn thiện hồ sơ đề nghị công nhận trường chính trị chuẩn mức 1 vào năm 2026.",
    ),
)

CHUYEN_DOI_SO = Text(
    title="Tập huấn ứng dụng công nghệ thông tin và chuyển đổi số trong giảng dạy",
    paragraphs=(
        "Nhằm nâng cao kỹ năng ứng dụng công nghệ thông tin cho đội ngũ giảng viên, ngày 9/8/2023, Trường Chính trị tỉnh tổ chức lớp tập huấn “Ứng dụng công nghệ thông tin và chuyển đổi số trong giảng dạy lý luận chính trị”.",
        "Báo cáo viên đã hướng dẫn học viên xây dựng bài giảng điện tử, sử dụng phần mềm quản lý học tập, tổ chức lớp học trực tuyến và khai thác kho học liệu số của Học viện Chính trị quốc gia Hồ Chí Minh. Các giảng viên được thực hành trực tiếp trên máy tính và trao đổi những khó khăn gặp phải khi giảng dạy trực tuyến.",
        "Thông qua lớp tập huấn, đội ngũ giảng viên nắm vững hơn các kỹ năng số cơ bản, góp phần thực hiện thành công Đề án chuyển đổi số của nhà trường giai đoạn 2023 - 2025.",
    ),
)

CAN_BO_NGUON = Text(
    title="Khai giảng lớp bồi dưỡng cán bộ nguồn Ban Chấp hành Đảng bộ huyện nhiệm kỳ 2025 - 2030",
    paragraphs=(
        "Sáng 3/4/2023, tại Trường Chính trị tỉnh, Ban Tổ chức Tỉnh ủy phối hợp với nhà trường khai giảng lớp bồi dưỡng cán bộ nguồn Ban Chấp hành Đảng bộ các huyện, thị xã, thành phố nhiệm kỳ 2025 - 2030 cho 75 học viên.",
        "Chương trình bồi dưỡng gồm 12 chuyên đề về những vấn đề mới của lý luận chính trị, kỹ năng lãnh đạo, quản lý, kỹ năng xử lý tình huống và tình hình kinh tế - xã hội của tỉnh, do lãnh đạo tỉnh, các sở, ngành và giảng viên của nhà trường trực tiếp trình bày.",
        "Đồng chí Trưởng ban Tổ chức Tỉnh ủy yêu cầu học viên xác định rõ trách nhiệm, học đi đôi với hành, gắn kiến thức được bồi dưỡng với việc giải quyết những vấn đề thực tiễn đặt ra ở địa phương, đơn vị.",
    ),
)

BAO_AN_GIANG = Text(
    title="Trường Chính trị Tôn Đức Thắng tổng kết năm học 2022 - 2023",
    paragraphs=(
        "Ngày 16/8, Trường Chính trị Tôn Đức Thắng tổ chức hội nghị tổng kết năm học 2022 - 2023, triển khai phương hướng, nhiệm vụ năm học 2023 - 2024.",
        "Năm học 2022 - 2023, nhà trường đã mở 98 lớp đào tạo, bồi dưỡng với 7.214 học viên, đạt 108% kế hoạch. Công tác nghiên cứu khoa học có nhiều chuyển biến với 2 đề tài cấp tỉnh, 9 đề tài cấp cơ sở được nghiệm thu; đội ngũ giảng viên tham gia viết hơn 120 bài đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng.",
        "Năm học mới, nhà trường tập trung thực hiện các tiêu chí trường chính trị chuẩn, đẩy mạnh chuyển đổi số trong quản lý đào tạo, nâng cao chất lượng đội ngũ giảng viên và tăng cường liên kết với các học viện, trường đại học trong đào tạo sau đại học.",
    ),
)

NEN_TANG_TU_TUONG = Text(
    title="Bảo vệ nền tảng tư tưởng của Đảng - nhiệm vụ quan trọng của trường chính trị tỉnh",
    paragraphs=(
        "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch là nhiệm vụ thường xuyên, lâu dài của cả hệ thống chính trị, trong đó các trường chính trị tỉnh giữ vai trò đặc biệt quan trọng bởi đây là nơi đào tạo, bồi dưỡng lý luận chính trị cho đội ngũ cán bộ của địa phương.",
        "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị, Trường Chính trị Tôn Đức Thắng đã thành lập Tổ nghiên cứu, đấu tranh phản bác các quan điểm sai trái, thù địch; lồng ghép nội dung bảo vệ nền tảng tư tưởng của Đảng vào các bài giảng, đặc biệt là các học phần về chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh và xây dựng Đảng.",
        "Bên cạnh kết quả đạt được, việc tham gia đấu tranh trên không gian mạng của một bộ phận giảng viên còn thụ động; sản phẩm tuyên truyền chưa đa dạng, sức lan tỏa chưa cao. Thời gian tới, nhà trường cần tập trung bồi dưỡng kỹ năng viết bài, kỹ năng truyền thông số cho đội ngũ giảng viên và học viên.",
        "Mỗi cán bộ, giảng viên trường chính trị phải thực sự là một “chiến sĩ” trên mặt trận tư tưởng, lý luận, vừa kiên định, vững vàng về bản lĩnh chính trị, vừa có năng lực chuyên môn sâu để thuyết phục người học bằng lý lẽ khoa học và thực tiễn sinh động.",
    ),
)

TONG_KET_NAM_HOC = Text(
    title="Tổng kết năm học 2023 - 2024, triển khai nhiệm vụ năm học 2024 - 2025",
    paragraphs=(
        "Ngày 26/7/2024, Trường Chính trị tỉnh tổ chức Hội nghị tổng kết năm học 2023 - 2024, triển khai nhiệm vụ năm học 2024 - 2025.",
        "Trong năm học, nhà trường đã tổ chức 64 lớp với 6.350 học viên; phối hợp với Học viện Chính trị khu vực I mở 2 lớp Cao cấp lý luận chính trị; hoàn thành biên soạn tài liệu giảng dạy phần tỉnh Lâm Đồng trong chương trình Trung cấp lý luận chính trị.",
        "Hội nghị đề ra 7 nhóm nhiệm vụ trọng tâm trong năm học mới, trong đó chú trọng xây dựng trường chính trị chuẩn, đổi mới phương pháp giảng dạy, tăng cường nghiên cứu thực tế và nâng cao chất lượng quản lý học viên.",
    ),
)

KY_NIEM_70 = Text(
    title="Trường Chính trị tỉnh Đồng Tháp kỷ niệm 70 năm thành lập (1955 - 2025)",
    lead="Ngày 20/6/2025, Trường Chính trị tỉnh Đồng Tháp long trọng tổ chức Lễ kỷ niệm 70 năm Ngày thành lập trường (1955 - 2025).",
    paragraphs=(
        "Tiền thân của nhà trường là Trường Đảng Tỉnh ủy Sa Đéc được thành lập năm 1955 trong điều kiện kháng chiến vô cùng khó khăn, gian khổ. Qua các thời kỳ, dù mang những tên gọi khác nhau, nhà trường luôn hoàn thành xuất sắc nhiệm vụ đào tạo, bồi dưỡng cán bộ cho cách mạng.",
        "Trong giai đoạn 2015 - 2025, nhà trường đã mở 612 lớp với hơn 52.000 lượt học viên; thực hiện 7 đề tài khoa học cấp tỉnh, 64 đề tài cấp cơ sở. Năm 2024, nhà trường được công nhận đạt chuẩn mức 1 theo Quy định 09-QĐ/TW của Ban Bí thư.",
        "Phát biểu tại Lễ kỷ niệm, đồng chí Bí thư Tỉnh ủy ghi nhận, biểu dương những đóng góp to lớn của các thế hệ cán bộ, giảng viên nhà trường và đề nghị tiếp tục phát huy truyền thống 70 năm, xây dựng nhà trường thực sự là trung tâm đào tạo, bồi dưỡng cán bộ có chất lượng của tỉnh.",
    ),
    captions=((0, "Quang cảnh Lễ kỷ niệm 70 năm thành lập trường"),),
)

HOC_TAP_NQ = Text(
    title="Học tập, quán triệt Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII",
    paragraphs=(
        "Ngày 25/12/2023, Đảng bộ Trường Chính trị tỉnh tổ chức hội nghị học tập, quán triệt, triển khai thực hiện Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII cho toàn thể cán bộ, đảng viên, viên chức nhà trường.",
        "Các đồng chí báo cáo viên đã truyền đạt những nội dung cơ bản của Nghị quyết số 44-NQ/TW về Chiến lược bảo vệ Tổ quốc trong tình hình mới, Nghị quyết số 45-NQ/TW về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức và Nghị quyết số 46-NQ/TW về đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội.",
        "Sau hội nghị, mỗi cán bộ, đảng viên viết bài thu hoạch và xây dựng kế hoạch cá nhân thực hiện Nghị quyết gắn với nhiệm vụ được giao; các chi bộ đưa nội dung Nghị quyết vào sinh hoạt chuyên đề trong năm 2024.",
    ),
)

THE_THAO = Text(
    title="Giao lưu văn nghệ, thể thao chào mừng kỷ niệm 94 năm Ngày thành lập Đảng",
    paragraphs=(
        "Hướng tới kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam, chiều 31/01/2024, Trường Chính trị tỉnh tổ chức giao lưu văn nghệ, thể thao giữa cán bộ, viên chức nhà trường và học viên các lớp đang học tập tại trường.",
        "Chương trình văn nghệ gồm 15 tiết mục ca ngợi Đảng, Bác Hồ và quê hương đất nước; phần thi đấu thể thao có các môn bóng chuyền hơi, kéo co và cờ tướng với sự tham gia của hơn 200 vận động viên.",
        "Hoạt động góp phần tạo không khí vui tươi, phấn khởi, tăng cường đoàn kết, gắn bó giữa cán bộ, viên chức và học viên, đồng thời giáo dục truyền thống cách mạng cho đảng viên trẻ.",
    ),
)

DAI_HOI_CHI_BO = Text(
    title="Đại hội Chi bộ Khoa Xây dựng Đảng nhiệm kỳ 2025 - 2027",
    paragraphs=(
        "Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị và kế hoạch của Đảng ủy nhà trường, ngày 14/3/2025, Chi bộ Khoa Xây dựng Đảng tổ chức Đại hội nhiệm kỳ 2025 - 2027. Đại hội là đại hội điểm của Đảng bộ Trường Chính trị tỉnh.",
        "Nhiệm kỳ 2022 - 2025, Chi bộ đã lãnh đạo khoa hoàn thành tốt nhiệm vụ giảng dạy với hơn 3.100 tiết giảng, chủ trì 3 đề tài khoa học cấp cơ sở, có 2 giảng viên đạt giảng viên dạy giỏi cấp Học viện. Chi bộ liên tục được đánh giá, xếp loại hoàn thành tốt nhiệm vụ.",
        "Đại hội đã bầu đồng chí Trưởng khoa Xây dựng Đảng giữ chức Bí thư Chi bộ nhiệm kỳ 2025 - 2027 và thông qua Nghị quyết Đại hội với 5 chỉ tiêu chủ yếu.",
    ),
)

KE_HOACH_BOI_DUONG = Text(
    title="Kế hoạch mở lớp bồi dưỡng nghiệp vụ công tác Đảng cho cấp ủy viên cơ sở",
    paragraphs=(
        "Trường Chính trị tỉnh thông báo kế hoạch mở 04 lớp bồi dưỡng nghiệp vụ công tác Đảng cho bí thư, phó bí thư và cấp ủy viên cơ sở trong quý II năm 2023.",
        "Thời gian học mỗi lớp là 5 ngày, địa điểm tại Trường Chính trị tỉnh. Đề nghị các đảng ủy trực thuộc Tỉnh ủy lập danh sách học viên và gửi về nhà trường theo mẫu đính kèm.",
    ),
)

THIEN_NGUYEN = Text(
    title="Công đoàn Trường Chính trị trao quà cho học sinh nghèo vượt khó",
    paragraphs=(
        "Ngày 28/8/2022, Công đoàn Trường Chính trị tỉnh phối hợp với Đoàn Thanh niên nhà trường tổ chức chương trình “Tiếp bước đến trường” tại xã Long Hòa, huyện Châu Thành.",
        "Đoàn đã trao 50 suất quà, mỗi suất gồm sách vở, đồ dùng học tập và 300.000 đồng tiền mặt cho học sinh có hoàn cảnh khó khăn; đồng thời tặng 2 chiếc xe đạp cho học sinh vượt khó học giỏi. Tổng giá trị chương trình hơn 30 triệu đồng do cán bộ, viên chức nhà trường đóng góp.",
        "Hoạt động thể hiện truyền thống “lá lành đùm lá rách”, góp phần động viên các em học sinh vươn lên trong học tập.",
    ),
    captions=((0, "Đại diện Công đoàn nhà trường trao quà cho các em học sinh"),),
)

CAI_CACH_HC = Text(
    title="Đẩy mạnh cải cách hành chính trong công tác quản lý đào tạo",
    paragraphs=(
        "Năm 2021, Trường Chính trị tỉnh xác định cải cách hành chính là một trong những nhiệm vụ trọng tâm, gắn với việc ứng dụng công nghệ thông tin trong quản lý đào tạo, quản lý học viên và quản lý văn bản.",
        "Nhà trường đã đưa vào sử dụng phần mềm quản lý đào tạo, cho phép học viên tra cứu điểm, lịch học trực tuyến; 100% văn bản đi, đến được xử lý trên môi trường mạng; hồ sơ học viên được số hóa và lưu trữ tập trung.",
        "Những kết quả trên góp phần rút ngắn thời gian xử lý công việc, tiết kiệm chi phí, nâng cao hiệu quả quản lý, tạo thuận lợi cho học viên và các cơ quan, đơn vị cử cán bộ đi học.",
    ),
)

DANG_VIEN_TRE = Text(
    title="Phát huy vai trò của đảng viên trẻ trong xây dựng trường chính trị chuẩn",
    paragraphs=(
        "Đảng viên trẻ chiếm hơn 40% tổng số đảng viên của Đảng bộ Trường Chính trị tỉnh. Đây là lực lượng năng động, có trình độ chuyên môn, ngoại ngữ, tin học tốt, có khả năng tiếp cận nhanh với phương pháp giảng dạy hiện đại.",
        "Tuy nhiên, kinh nghiệm thực tiễn của một bộ phận đảng viên trẻ còn hạn chế, bản lĩnh chính trị chưa thật vững vàng trước những tác động tiêu cực trên không gian mạng. Vì vậy, cấp ủy cần quan tâm giao nhiệm vụ cụ thể, tạo môi trường để đảng viên trẻ rèn luyện, thử thách.",
        "Cần đẩy mạnh phong trào “Đảng viên trẻ học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”, phân công đảng viên có kinh nghiệm kèm cặp, giúp đỡ; khuyến khích đảng viên trẻ tham gia nghiên cứu khoa học, đi nghiên cứu thực tế ở cơ sở.",
    ),
)

GIAO_LUU_TRUONG = Text(
    title="Trao đổi kinh nghiệm với Trường Chính trị tỉnh Bà Rịa - Vũng Tàu",
    paragraphs=(
        "Ngày 11/4/2019, Đoàn công tác Trường Chính trị tỉnh Bà Rịa - Vũng Tàu do đồng chí Hiệu trưởng làm trưởng đoàn đã đến thăm và trao đổi kinh nghiệm với Trường Chính trị tỉnh Lâm Đồng.",
        "Hai bên đã trao đổi về công tác tổ chức các lớp Trung cấp lý luận chính trị - hành chính tại huyện, kinh nghiệm biên soạn tài liệu phần địa phương, công tác quản lý học viên và đổi mới phương pháp giảng dạy theo hướng phát huy tính tích cực của người học.",
        "Kết thúc buổi làm việc, hai trường thống nhất duy trì trao đổi thông tin thường xuyên, phối hợp tổ chức hội thảo khoa học và nghiên cứu thực tế trong thời gian tới.",
    ),
)

BOI_DUONG_DVM = Text(
    title="Bồi dưỡng lý luận chính trị cho đảng viên mới năm 2022",
    paragraphs=(
        "Từ ngày 7 đến ngày 11/11/2022, Trường Chính trị tỉnh phối hợp với Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh tổ chức lớp bồi dưỡng lý luận chính trị cho 86 đảng viên mới.",
        "Học viên được nghiên cứu 9 chuyên đề về chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh; Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội; Điều lệ Đảng; nhiệm vụ của đảng viên và một số kỹ năng cơ bản trong sinh hoạt chi bộ.",
        "Kết thúc khóa học, các học viên viết bài thu hoạch và được cấp giấy chứng nhận. Qua lớp học, đảng viên mới nâng cao nhận thức về Đảng, củng cố niềm tin, xác định rõ trách nhiệm của người đảng viên trong thực hiện nhiệm vụ được giao.",
    ),
)

HOI_THAO_DAN_VAN = Text(
    title="Hội thảo khoa học về công tác dân vận của hệ thống chính trị cơ sở",
    lead="Ngày 12/10/2023, Trường Chính trị tỉnh Gia Lai tổ chức hội thảo khoa học “Nâng cao hiệu quả công tác dân vận của hệ thống chính trị cơ sở vùng đồng bào dân tộc thiểu số tỉnh Gia Lai hiện nay”.",
    paragraphs=(
        "Hội thảo nhận được 18 tham luận của các nhà khoa học, giảng viên và cán bộ làm công tác dân vận ở cơ sở. Các ý kiến khẳng định công tác dân vận ở vùng đồng bào dân tộc thiểu số có ý nghĩa đặc biệt quan trọng đối với việc giữ vững ổn định chính trị, củng cố khối đại đoàn kết toàn dân tộc.",
        "Nhiều tham luận đề xuất phát huy vai trò của già làng, người có uy tín trong cộng đồng; đổi mới hình thức tuyên truyền bằng tiếng dân tộc; xây dựng đội ngũ cán bộ cơ sở là người địa phương, hiểu phong tục, tập quán của đồng bào.",
        "Kết quả hội thảo là cơ sở để nhà trường bổ sung nội dung giảng dạy các chuyên đề về công tác dân vận, đồng thời tham mưu cho cấp ủy các giải pháp nâng cao hiệu quả công tác dân vận trong thời gian tới.",
    ),
)

TRAO_BANG = Text(
    title="Bế giảng và trao bằng tốt nghiệp lớp Trung cấp lý luận chính trị - hành chính khóa 75",
    paragraphs=(
        "Sáng 12/5/2022, Trường Chính trị tỉnh Ninh Bình tổ chức lễ bế giảng và trao bằng tốt nghiệp cho 92 học viên lớp Trung cấp lý luận chính trị - hành chính khóa 75, hệ không tập trung mở tại huyện Yên Khánh.",
        "Sau 12 tháng học tập, các học viên đã hoàn thành chương trình với 4 phần học theo quy định của Học viện Chính trị quốc gia Hồ Chí Minh. Kết quả tốt nghiệp có 21 học viên đạt loại giỏi, 66 học viên đạt loại khá, 5 học viên đạt loại trung bình.",
        "Phát biểu tại buổi lễ, lãnh đạo nhà trường đề nghị học viên tiếp tục tự học tập, rèn luyện, vận dụng sáng tạo kiến thức đã học vào thực tiễn công tác, góp phần thực hiện thắng lợi nghị quyết đại hội đảng bộ các cấp.",
    ),
)

LICH_SU_45 = Text(
    title="Trường Chính trị Phạm Hùng 45 năm xây dựng và phát triển",
    paragraphs=(
        "Ngày 8/12/2021, Trường Chính trị Phạm Hùng tỉnh Vĩnh Long tổ chức họp mặt kỷ niệm 45 năm ngày thành lập trường (1976 - 2021). Do ảnh hưởng của dịch Covid-19, buổi họp mặt được tổ chức với quy mô nhỏ, bảo đảm các biện pháp phòng, chống dịch.",
        "Trải qua 45 năm, nhà trường đã đào tạo, bồi dưỡng hơn 80.000 lượt cán bộ, đảng viên cho tỉnh. Từ những phòng học tạm bợ những năm đầu, đến nay nhà trường đã có cơ sở vật chất khang trang với hội trường 500 chỗ, ký túc xá 300 chỗ và hệ thống phòng học hiện đại.",
        "Với những thành tích đạt được, nhà trường vinh dự được Đảng, Nhà nước tặng thưởng Huân chương Lao động hạng Nhất, hạng Nhì, hạng Ba và nhiều bằng khen, cờ thi đua của Chính phủ, Học viện Chính trị quốc gia Hồ Chí Minh và Ủy ban nhân dân tỉnh.",
    ),
)

NGHIEN_CUU_QN = Text(
    title="Học viên lớp Trung cấp lý luận chính trị nghiên cứu thực tế tại Hội An",
    paragraphs=(
        "Ngày 10/3/2021, Trường Chính trị tỉnh Quảng Nam tổ chức cho 120 học viên lớp Trung cấp lý luận chính trị - hành chính hệ tập trung khóa 58 đi nghiên cứu thực tế tại thành phố Hội An.",
        "Tại đây, học viên được nghe lãnh đạo Thành ủy Hội An giới thiệu kinh nghiệm bảo tồn, phát huy giá trị di sản văn hóa gắn với phát triển du lịch bền vững; tham quan mô hình phân loại rác tại nguồn và mô hình “phố không rác”.",
        "Chuyến nghiên cứu thực tế giúp học viên có thêm kiến thức thực tiễn sinh động, bổ trợ cho phần lý luận đã học trên lớp, đồng thời là dịp để trao đổi, học tập kinh nghiệm trong quản lý nhà nước về văn hóa, du lịch.",
    ),
    captions=((1, "Học viên nghe giới thiệu về công tác bảo tồn phố cổ Hội An"),),
)

VAN_HOA_TV = Text(
    title="Xây dựng và phát triển văn hóa tại tỉnh Trà Vinh trong giai đoạn hiện nay",
    paragraphs=(
        "Trà Vinh là tỉnh có ba dân tộc Kinh, Khmer và Hoa cùng chung sống lâu đời, tạo nên một nền văn hóa đa dạng, giàu bản sắc. Những năm qua, việc thực hiện Nghị quyết Trung ương 9 khóa XI về xây dựng và phát triển văn hóa, con người Việt Nam đã đạt nhiều kết quả quan trọng.",
        "Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” được triển khai sâu rộng; hệ thống thiết chế văn hóa từ tỉnh đến cơ sở từng bước được hoàn thiện; các lễ hội truyền thống của đồng bào Khmer như Chôl Chnăm Thmây, Sene Đôlta, Ok Om Bok được bảo tồn và phát huy.",
        "Tuy nhiên, mức hưởng thụ văn hóa giữa thành thị và nông thôn, giữa vùng đồng bào dân tộc thiểu số với các vùng khác còn chênh lệch; một số giá trị văn hóa truyền thống có nguy cơ mai một. Vì vậy, cần tăng cường sự lãnh đạo của các cấp ủy, đầu tư nguồn lực, phát huy vai trò chủ thể của người dân trong xây dựng và phát triển văn hóa.",
    ),
)

TAP_HUAN_BCV = Text(
    title="Tập huấn nghiệp vụ cho đội ngũ báo cáo viên, tuyên truyền viên năm 2016",
    paragraphs=(
        "Ngày 26/12/2016, Trường Chính trị tỉnh Đắk Lắk phối hợp với Ban Tuyên giáo Tỉnh ủy tổ chức lớp tập huấn nghiệp vụ cho 150 báo cáo viên, tuyên truyền viên các huyện, thị xã, thành phố.",
        "Các học viên được trang bị kỹ năng nắm bắt dư luận xã hội, kỹ năng nói trước công chúng, phương pháp tuyên truyền miệng ở vùng đồng bào dân tộc thiểu số và một số vấn đề về đấu tranh phản bác các quan điểm sai trái trên mạng xã hội.",
        "Lớp tập huấn góp phần nâng cao chất lượng đội ngũ báo cáo viên, tuyên truyền viên, đáp ứng yêu cầu công tác tuyên truyền trong tình hình mới.",
    ),
)

HUNG_YEN_LLCT = Text(
    title="Trường Chính trị Nguyễn Văn Linh khai giảng lớp Cao cấp lý luận chính trị",
    paragraphs=(
        "Ngày 21/10/2021, tại Trường Chính trị Nguyễn Văn Linh, Học viện Chính trị khu vực I phối hợp với Ban Tổ chức Tỉnh ủy Hưng Yên khai giảng lớp Cao cấp lý luận chính trị hệ không tập trung cho 110 học viên.",
        "Lớp học được tổ chức theo hình thức kết hợp trực tiếp và trực tuyến, bảo đảm an toàn phòng, chống dịch Covid-19. Học viên là các đồng chí lãnh đạo chủ chốt cấp huyện, lãnh đạo các sở, ban, ngành của tỉnh.",
        "Phát biểu khai giảng, đại diện Học viện Chính trị khu vực I đề nghị học viên phát huy tinh thần tự giác, nghiên cứu tài liệu trước khi lên lớp, tích cực thảo luận, gắn lý luận với thực tiễn địa phương.",
    ),
)

BAC_NINH_HOI_NGHI = Text(
    title="TRƯỜNG CHÍNH TRỊ NGUYỄN VĂN CỪ TỔ CHỨC HỘI NGHỊ TỔNG KẾT CÔNG TÁC NĂM 2021",
    paragraphs=(
        "Chiều 18/11/2021, Trường Chính trị Nguyễn Văn Cừ tỉnh Bắc Ninh tổ chức Hội nghị tổng kết công tác năm 2021, triển khai phương hướng, nhiệm vụ năm 2022.",
        "Năm 2021, dù chịu ảnh hưởng nặng nề của dịch Covid-19, nhà trường đã chủ động chuyển sang hình thức học trực tuyến, mở 45 lớp với 4.620 học viên, đạt 96% kế hoạch; hoàn thành 4 đề tài khoa học cấp cơ sở và xuất bản 2 số tạp chí nội bộ.",
        "Hội nghị đã biểu dương 12 tập thể, 35 cá nhân có thành tích xuất sắc; đề ra mục tiêu năm 2022 tiếp tục đổi mới nội dung, phương pháp giảng dạy, tập trung xây dựng trường chính trị chuẩn theo Quy định số 11-QĐ/TW của Ban Bí thư.",
    ),
)

BAO_CAO_VIEN = Text(
    title="Hội nghị báo cáo viên tháng 11 năm 2022",
    paragraphs=(
        "Ngày 8/11/2022, Ban Tuyên giáo Tỉnh ủy phối hợp với Trường Chính trị tỉnh tổ chức Hội nghị báo cáo viên tháng 11 năm 2022 theo hình thức trực tiếp kết hợp trực tuyến đến các điểm cầu huyện, thị xã, thành phố.",
        "Tại hội nghị, các đại biểu được nghe thông tin về tình hình thời sự trong nước và quốc tế nổi bật; kết quả Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII; tình hình kinh tế - xã hội của tỉnh 10 tháng đầu năm và nhiệm vụ trọng tâm những tháng cuối năm 2022.",
        "Hội nghị đề nghị đội ngũ báo cáo viên nắm chắc thông tin, kịp thời định hướng tư tưởng, dư luận xã hội ở cơ quan, đơn vị, địa phương, góp phần tạo sự đồng thuận trong thực hiện nhiệm vụ chính trị của tỉnh.",
    ),
)
