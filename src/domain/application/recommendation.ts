// 单位审核推荐: how many an institution may recommend to a call (限额), and the share of them on the youth track
// (e.g. ≥ 80% under 35). Shown live and enforced on every recommendation, single or batch.

export interface RecommendationState {
  quota: number;
  /** Already recommended (before this action). */
  recommended: number;
  recommendedYouth: number;
}

export interface RecommendationCheck {
  after: { recommended: number; youth: number; shareBp: number };
  problems: { code: 'quotaExceeded' | 'youthShareTooLow'; params: Record<string, string | number> }[];
}

export function checkRecommendation(
  state: RecommendationState,
  adding: { youth: boolean }[],
  minYouthShareBp: number | null,
): RecommendationCheck {
  const recommended = state.recommended + adding.length;
  const youth = state.recommendedYouth + adding.filter((a) => a.youth).length;
  const shareBp = recommended === 0 ? 10_000 : Math.floor((youth * 10_000) / recommended);
  const problems: RecommendationCheck['problems'] = [];
  if (recommended > state.quota) problems.push({ code: 'quotaExceeded', params: { quota: state.quota, recommended } });
  if (minYouthShareBp !== null && recommended > 0 && youth * 10_000 < minYouthShareBp * recommended) {
    problems.push({
      code: 'youthShareTooLow',
      params: { recommended, youth, share: (shareBp / 100).toFixed(1), min: minYouthShareBp / 100 },
    });
  }
  return { after: { recommended, youth, shareBp }, problems };
}
