// Demo: the strategic advisory committee's first term (2026–2028) with two members — 赵永刚 (chair, scientist) and
// 钟慧敏 (strategic investor) — one bottom-up topic from 王建国 waiting for the commission to open scoring, and the
// year's strategy meeting planned for 15 December.
// Idempotent: nothing is written when the term exists.
import type { Db } from '@/server/db';

export const DEMO_TERM = '第一届战略咨询专家委员会';
export const DEMO_TOPIC_TITLE = '面向脑机接口的柔性神经电极基础问题';

export async function seedCommittee(client: Db): Promise<{ created: boolean }> {
  if (await client.committeeTerm.findUnique({ where: { name: DEMO_TERM }, select: { id: true } }))
    return { created: false };
  const user = async (email: string) =>
    (await client.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const field = await client.challengeField.findFirst({
    where: { code: 'AI', edition: { current: true } },
    select: { id: true },
  });
  await client.$transaction(async (tx) => {
    const term = await tx.committeeTerm.create({
      data: {
        name: DEMO_TERM,
        startsOn: new Date('2026-01-01'),
        endsOn: new Date('2028-12-31'),
        scoreScaleMax: 10,
        minScoresToDecide: 2,
      },
    });
    await tx.committeeMembership.createMany({
      data: [
        {
          termId: term.id,
          userId: await user('committee@demo.jingyan.cn'),
          category: 'SCIENTIST',
          position: 'CHAIR',
          affiliation: '北京大学',
          fromDate: new Date('2026-01-01'),
        },
        {
          termId: term.id,
          userId: await user('committee2@demo.jingyan.cn'),
          category: 'INVESTOR',
          position: 'MEMBER',
          affiliation: '北京科技创新投资基金',
          fromDate: new Date('2026-01-01'),
        },
      ],
    });
    // The year's strategy meeting, planned for mid-December, with both members invited.
    const meeting = await tx.strategyMeeting.create({
      data: {
        termId: term.id,
        year: 2026,
        title: '2026 年度战略咨询会议',
        heldAt: new Date('2026-12-15T01:30:00Z'),
        location: '北京市教育委员会第一会议室',
        agenda: [
          { title: '一、2027 年度基础研究选题方向' },
          { title: '二、揭榜挂帅榜单建议' },
          { title: '三、平台评估工作安排' },
        ],
      },
    });
    await tx.strategyMeetingAttendee.createMany({
      data: [
        { meetingId: meeting.id, userId: await user('committee@demo.jingyan.cn') },
        { meetingId: meeting.id, userId: await user('committee2@demo.jingyan.cn') },
      ],
    });
    await tx.topicProposal.create({
      data: {
        termId: term.id,
        source: 'BOTTOM_UP',
        proposerUserId: await user('researcher@demo.jingyan.cn'),
        title: DEMO_TOPIC_TITLE,
        fieldId: field?.id ?? null,
        background: '柔性神经电极的长期稳定性和生物相容性仍是脑机接口走向应用的瓶颈。',
        goals: '揭示柔性电极与神经组织界面的失效机理，建立长期稳定记录的材料与结构设计方法。',
        expectedImpact: '为北京脑科学与类脑研究的临床转化提供基础支撑。',
        suggestedForm: 'CHALLENGE',
      },
    });
  });
  return { created: true };
}
