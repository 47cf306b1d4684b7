// Beijing's universities: the demo seed has five; this adds the rest (about ninety in all), with plausible kinds,
// affiliations (中央在京 / 市属) and 统一社会信用代码 whose check character is right. Names are inserted only if absent.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { creditCodeCheckChar } from '../../../src/domain/institution/credit-code';

type Kind = 'RESEARCH_UNIVERSITY' | 'SPECIALIZED_UNIVERSITY' | 'APPLIED_UNIVERSITY';
type Affiliation = 'MUNICIPAL' | 'CENTRAL_IN_BEIJING';

const C: Affiliation = 'CENTRAL_IN_BEIJING';
const M: Affiliation = 'MUNICIPAL';
const R: Kind = 'RESEARCH_UNIVERSITY';
const S: Kind = 'SPECIALIZED_UNIVERSITY';
const A: Kind = 'APPLIED_UNIVERSITY';

const UNIVERSITIES: [string, Kind, Affiliation][] = [
  ['北京大学', R, C],
  ['清华大学', R, C],
  ['中国人民大学', R, C],
  ['北京师范大学', R, C],
  ['北京理工大学', R, C],
  ['中国农业大学', R, C],
  ['北京交通大学', R, C],
  ['北京科技大学', R, C],
  ['北京邮电大学', R, C],
  ['北京化工大学', R, C],
  ['北京林业大学', R, C],
  ['北京中医药大学', S, C],
  ['北京外国语大学', S, C],
  ['中国传媒大学', S, C],
  ['中央财经大学', S, C],
  ['对外经济贸易大学', S, C],
  ['中国政法大学', S, C],
  ['华北电力大学', R, C],
  ['中国矿业大学（北京）', R, C],
  ['中国石油大学（北京）', R, C],
  ['中国地质大学（北京）', R, C],
  ['北京体育大学', S, C],
  ['中央音乐学院', S, C],
  ['中央美术学院', S, C],
  ['中央戏剧学院', S, C],
  ['中央民族大学', R, C],
  ['北京协和医学院', S, C],
  ['北京语言大学', S, C],
  ['中国音乐学院', S, C],
  ['国际关系学院', S, C],
  ['外交学院', S, C],
  ['中国人民公安大学', S, C],
  ['中国科学院大学', R, C],
  ['中华女子学院', A, C],
  ['中国劳动关系学院', A, C],
  ['北方工业大学', A, M],
  ['首都医科大学', S, M],
  ['首都经济贸易大学', S, M],
  ['北京第二外国语学院', S, M],
  ['北京建筑大学', S, M],
  ['北京石油化工学院', A, M],
  ['北京农学院', A, M],
  ['北京服装学院', S, M],
  ['北京印刷学院', S, M],
  ['首都体育学院', S, M],
  ['北京物资学院', A, M],
  ['北京城市学院', A, M],
  ['北京电影学院', S, M],
  ['北京舞蹈学院', S, M],
  ['中国戏曲学院', S, M],
  ['北京工商大学', A, M],
  ['北京财贸职业学院', A, M],
  ['北京青年政治学院', A, M],
  ['北京电子科技职业学院', A, M],
  ['北京劳动保障职业学院', A, M],
  ['北京社会管理职业学院', A, M],
  ['北京农业职业学院', A, M],
  ['北京经济管理职业学院', A, M],
  ['北京交通职业技术学院', A, M],
  ['北京政法职业学院', A, M],
  ['北京卫生职业学院', A, M],
  ['北京工业职业技术学院', A, M],
  ['北京电子科技学院', S, C],
  ['北京警察学院', A, M],
  ['北京教育学院', A, M],
  ['首都师范大学科德学院', A, M],
  ['北京吉利学院', A, M],
  ['北京工商大学嘉华学院', A, M],
  ['北京邮电大学世纪学院', A, M],
  ['北京工业大学耿丹学院', A, M],
  ['北京第二外国语学院中瑞酒店管理学院', A, M],
  ['中国社会科学院大学', R, C],
  ['首都医科大学燕京医学院', A, M],
  ['北京信息职业技术学院', A, M],
  ['北京戏曲艺术职业学院', A, M],
  ['北京艺术职业学院', A, M],
  ['北京培黎职业学院', A, M],
  ['北京汇佳职业学院', A, M],
  ['北京开放大学', A, M],
  ['北京京北职业技术学院', A, M],
  ['北京科技职业学院', A, M],
];

function creditCode(name: string): string {
  // 12 = 事业单位 (登记管理部门 1, 机构类别 2), 110000 = 北京市, then a stable organisation code from the name.
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const digest = createHash('sha256').update(`jingyan-scale:${name}`).digest();
  let body = '';
  for (let i = 0; i < 9; i++) body += alphabet[digest[i]! % 31];
  const first17 = `12110000${body}`;
  return first17 + creditCodeCheckChar(first17)!;
}

export async function insertInstitutions(client: pg.Client) {
  const rows = UNIVERSITIES.map(([name, kind, affiliation]) => ({
    name,
    kind,
    affiliation,
    creditCode: creditCode(name),
  }));
  await client.query(
    `insert into "Institution" (id, name, kind, affiliation, "creditCode", "createdAt", "updatedAt")
     select pg_temp.uid('institution', r.ordinality), r.name, r.kind::"InstitutionKind",
            r.affiliation::"InstitutionAffiliation", r."creditCode", timestamptz '2021-06-01 08:00+08',
            timestamptz '2021-06-01 08:00+08'
       from rows from (jsonb_to_recordset($1::jsonb) as (name text, kind text, affiliation text, "creditCode" text))
            with ordinality as r(name, kind, affiliation, "creditCode", ordinality)
     on conflict do nothing`,
    [JSON.stringify(rows)],
  );
  // The universities researchers and experts are spread over, in a stable order (by credit code: C-locale safe).
  await client.query(`
    create temp table scale_inst as
    select id, row_number() over (order by "creditCode") - 1 as k
      from "Institution" where kind in ('RESEARCH_UNIVERSITY', 'SPECIALIZED_UNIVERSITY', 'APPLIED_UNIVERSITY');
    create unique index on scale_inst (k); analyze scale_inst`);
}
