// Researchers with talent records (profile, education and work history, representative works, honours) and the
// expert pool (profiles with disciplines and keywords). Everyone shares the demo password (README.md), so any
// generated account can sign in; e-mails are r000001@scale.jingyan.cn and e00001@scale.jingyan.cn.
import type pg from 'pg';
import { nameSql, textArray, type ScaleSize } from './sql';

export const SCALE_DOMAIN = 'scale.jingyan.cn';

const KEYWORDS = [
  '人工智能',
  '机器学习',
  '大数据',
  '集成电路',
  '量子信息',
  '新能源',
  '储能',
  '碳中和',
  '生物医药',
  '基因编辑',
  '脑科学',
  '新材料',
  '智能制造',
  '机器人',
  '自动驾驶',
  '区块链',
  '网络安全',
  '遥感',
  '城市治理',
  '京津冀协同',
  '文化遗产',
  '数字经济',
  '公共卫生',
  '精准医学',
  '中医药',
  '生态修复',
  '水资源',
  '智慧交通',
  '先进制造',
  '光电子',
  '催化',
  '纳米技术',
  '计算数学',
  '复杂系统',
  '社会治理',
  '教育技术',
  '语言智能',
  '知识产权',
  '金融科技',
  '冰雪运动',
];
const DEPARTMENTS = [
  '计算机学院',
  '信息与通信工程学院',
  '材料科学与工程学院',
  '机械工程学院',
  '化学学院',
  '物理学院',
  '数学科学学院',
  '生命科学学院',
  '医学部',
  '经济管理学院',
  '人文学院',
  '环境学院',
  '电气工程学院',
  '建筑与城市规划学院',
  '法学院',
];
const HONOURS = [
  ['国家杰出青年科学基金', '国家自然科学基金委员会'],
  ['国家优秀青年科学基金', '国家自然科学基金委员会'],
  ['北京市科学技术奖', '北京市人民政府'],
  ['北京高校青年教学名师', '北京市教育委员会'],
  ['北京市优秀青年人才', '中共北京市委组织部'],
  ['教育部青年长江学者', '教育部'],
];
const VENUES = [
  '中国科学',
  '科学通报',
  '计算机学报',
  '自动化学报',
  '物理学报',
  '化学学报',
  'Nature Communications',
  'Physical Review Letters',
  'IEEE Transactions on Pattern Analysis and Machine Intelligence',
  'Advanced Materials',
];

/** Level-2 discipline codes in a stable order (the researchers' and experts' fields). */
async function disciplineTable(client: pg.Client) {
  await client.query(`
    create temp table if not exists scale_disc as
    select code, name, row_number() over (order by code) - 1 as k from "Discipline" where level = 2;
    create unique index if not exists scale_disc_k on scale_disc (k); analyze scale_disc`);
}

export async function insertResearchers(client: pg.Client, size: ScaleSize) {
  await disciplineTable(client);
  const n = size.researchers;
  await client.query(`
    create temp table scale_researcher as
    select g as n, pg_temp.uid('researcher', g) as id, ${nameSql('rname', 'g')} as name, i.id as inst, d.code as disc,
           date '1962-01-01' + floor(pg_temp.r('r-birth', g) * 36 * 365)::int as birth
      from generate_series(1, ${n}) g
      cross join (select (select count(*) from scale_inst) as ni, (select count(*) from scale_disc) as nd) c
      join scale_inst i on i.k = floor(pg_temp.r('r-inst', g) * c.ni)
      join scale_disc d on d.k = floor(pg_temp.r('r-disc', g) * c.nd)`);
  await client.query(`create unique index on scale_researcher (n); create unique index on scale_researcher (id);
                      analyze scale_researcher`);
  await client.query(`
    insert into "User" (id, email, name, "passwordHash", "passwordChangedAt", "createdAt", "updatedAt")
    select r.id, 'r' || lpad(r.n::text, 6, '0') || '@${SCALE_DOMAIN}', r.name, pw."passwordHash",
           timestamptz '2021-09-01 09:00+08', timestamptz '2021-09-01 09:00+08' + (r.n % 1000) * interval '1 hour',
           timestamptz '2021-09-01 09:00+08'
      from scale_researcher r, (select "passwordHash" from "User" where email = 'researcher@demo.jingyan.cn') pw`);
  await client.query(`
    insert into "RoleAssignment" (id, "userId", role, "institutionId", "createdAt")
    select pg_temp.uid('researcher-role', n), id, 'RESEARCHER', inst, timestamptz '2021-09-01 09:00+08' from scale_researcher`);
  await client.query(`
    insert into "ResearcherProfile" ("userId", "institutionId", department, gender, "birthDate", title, degree,
                                     "disciplineCodes", keywords, "updatedAt")
    select id, inst, pg_temp.pick(${textArray(DEPARTMENTS)}, pg_temp.r('r-dept', n)),
           (case when pg_temp.r('r-gender', n) < 0.58 then 'MALE' else 'FEMALE' end)::"Gender",
           birth,
           (array['SENIOR','ASSOCIATE_SENIOR','ASSOCIATE_SENIOR','INTERMEDIATE','INTERMEDIATE','JUNIOR'])
             [pg_temp.ri('r-title', n, 1, 6)]::"ProfessionalTitle",
           (case when pg_temp.r('r-degree', n) < 0.82 then 'DOCTORATE' else 'MASTER' end)::"Degree",
           array[disc],
           array[pg_temp.pick(${textArray(KEYWORDS)}, pg_temp.r('r-kw1', n)),
                 pg_temp.pick(${textArray(KEYWORDS)}, pg_temp.r('r-kw2', n))],
           timestamptz '2021-09-01 09:00+08'
      from scale_researcher`);
  // Education (doctorate) and current work, for everyone.
  await client.query(`
    insert into "CareerEntry" (id, "userId", kind, organization, role, "startsOn", "endsOn", "createdAt")
    select pg_temp.uid('career-edu', r.n), r.id, 'EDUCATION'::"CareerKind", i.name, '博士研究生 · ' || d.name, date '2000-09-01' + pg_temp.ri('r-edu', r.n, 0, 15) * 365,
           date '2005-07-01' + pg_temp.ri('r-edu', r.n, 0, 15) * 365, timestamptz '2021-09-01 09:00+08'
      from scale_researcher r join scale_disc d on d.code = r.disc
      cross join (select count(*) as ni from scale_inst) c
      join scale_inst s on s.k = floor(pg_temp.r('r-alma', r.n) * c.ni)
      join "Institution" i on i.id = s.id
    union all
    select pg_temp.uid('career-work', r.n), r.id, 'WORK'::"CareerKind", i.name, '教师 · ' || p.department,
           date '2005-09-01' + pg_temp.ri('r-edu', r.n, 0, 15) * 365, null, timestamptz '2021-09-01 09:00+08'
      from scale_researcher r join "Institution" i on i.id = r.inst join "ResearcherProfile" p on p."userId" = r.id`);
  // Representative works: 0–3 each (about 1.5 on average).
  await client.query(`
    insert into "RepresentativeWork" (id, "userId", type, title, authors, venue, year, identifier, citation,
                                      "contributionStatement", "createdAt", "updatedAt")
    select pg_temp.uid('work', r.n * 4 + w), r.id,
           (case when pg_temp.r('w-type', r.n * 4 + w) < 0.75 then 'PAPER'
                 when pg_temp.r('w-type', r.n * 4 + w) < 0.9 then 'PATENT' else 'MONOGRAPH' end)::"WorkType",
           '面向' || d.name || '的' || pg_temp.pick(${textArray(KEYWORDS)}, pg_temp.r('w-kw', r.n * 4 + w)) || '方法研究（' || w || '）',
           r.name || ' 等', pg_temp.pick(${textArray(VENUES)}, pg_temp.r('w-venue', r.n * 4 + w)),
           pg_temp.ri('w-year', r.n * 4 + w, 2015, 2025), '10.0000/scale.' || r.n || '.' || w, '',
           '第一作者，提出核心方法并完成主要实验。', timestamptz '2021-10-01 09:00+08', timestamptz '2021-10-01 09:00+08'
      from scale_researcher r join scale_disc d on d.code = r.disc
      cross join generate_series(1, 3) w
     where w <= floor(pg_temp.r('r-works', r.n) * 4)`);
  // Honours: about one researcher in four.
  await client.query(`
    insert into "Honour" (id, "userId", name, "grantedBy", year, "createdAt")
    select pg_temp.uid('honour', n), id, (${textArray(HONOURS.map((h) => h[0]!))})[i], (${textArray(HONOURS.map((h) => h[1]!))})[i],
           pg_temp.ri('h-year', n, 2012, 2025), timestamptz '2021-10-01 09:00+08'
      from scale_researcher, lateral (select pg_temp.ri('h-kind', n, 1, ${HONOURS.length}) as i) x
     where pg_temp.r('r-honour', n) < 0.25`);
  await client.query(`analyze "User"; analyze "ResearcherProfile"`);
}

export async function insertExperts(client: pg.Client, size: ScaleSize) {
  await disciplineTable(client);
  await client.query(`
    create temp table scale_expert as
    select g - 1 as k, pg_temp.uid('expert', g) as id, ${nameSql('ename', 'g')} as name, g as n,
           pg_temp.r('e-intl', g) < 0.05 as intl, i.id as inst
      from generate_series(1, ${size.experts}) g
      cross join (select count(*) as ni from scale_inst) c
      join scale_inst i on i.k = floor(pg_temp.r('e-inst', g) * c.ni)`);
  await client.query(
    `create unique index on scale_expert (k); create unique index on scale_expert (id); analyze scale_expert`,
  );
  await client.query(`
    insert into "User" (id, email, name, locale, "passwordHash", "passwordChangedAt", "createdAt", "updatedAt")
    select e.id, 'e' || lpad(e.n::text, 5, '0') || '@${SCALE_DOMAIN}', e.name, case when e.intl then 'en' else 'zh-CN' end,
           pw."passwordHash", timestamptz '2021-08-01 09:00+08', timestamptz '2021-08-01 09:00+08',
           timestamptz '2021-08-01 09:00+08'
      from scale_expert e, (select "passwordHash" from "User" where email = 'researcher@demo.jingyan.cn') pw`);
  await client.query(`
    insert into "RoleAssignment" (id, "userId", role, "createdAt")
    select pg_temp.uid('expert-role', n), id, 'EXPERT', timestamptz '2021-08-01 09:00+08' from scale_expert`);
  await client.query(`
    insert into "ExpertProfile" ("userId", "institutionId", "institutionName", country, languages, "disciplineCodes",
                                 keywords, title, "loadLimitPerCall", "reviewsSubmitted", "createdAt", "updatedAt")
    select e.id, case when e.intl then null else e.inst end,
           case when e.intl then pg_temp.pick(array['University of Cambridge','ETH Zürich','National University of Singapore','University of Tokyo','Technische Universität München'], pg_temp.r('e-uni', e.n)) else i.name end,
           case when e.intl then pg_temp.pick(array['GB','CH','SG','JP','DE'], pg_temp.r('e-uni', e.n)) else 'CN' end,
           case when e.intl then array['en'] else array['zh'] end,
           array[d1.code, d2.code],
           array[pg_temp.pick(${textArray(KEYWORDS)}, pg_temp.r('e-kw1', e.n)),
                 pg_temp.pick(${textArray(KEYWORDS)}, pg_temp.r('e-kw2', e.n)),
                 pg_temp.pick(${textArray(KEYWORDS)}, pg_temp.r('e-kw3', e.n))],
           (case when pg_temp.r('e-title', e.n) < 0.8 then 'SENIOR' else 'ASSOCIATE_SENIOR' end)::"ProfessionalTitle",
           pg_temp.ri('e-load', e.n, 8, 40), 0, timestamptz '2021-08-01 09:00+08', timestamptz '2021-08-01 09:00+08'
      from scale_expert e
      join "Institution" i on i.id = e.inst
      cross join (select count(*) as nd from scale_disc) c
      join scale_disc d1 on d1.k = floor(pg_temp.r('e-disc1', e.n) * c.nd)
      join scale_disc d2 on d2.k = floor(pg_temp.r('e-disc2', e.n) * c.nd)`);
}
