import ExcelJS from 'exceljs';
import { can } from '@/domain/auth/permissions';
import { getSession } from '@/server/auth/session';

// GET /api/imports/experts/template — the expert import's sheet: its header row and one example row, so staff fill in
// what the import reads (src/server/imports/expert-import.ts). Commission staff only; anyone else: 404.
export async function GET() {
  const session = await getSession();
  if (session.status !== 'ACTIVE' || !can(session.actor.role, 'import:expert:all'))
    return new Response('Not found', { status: 404 });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('专家');
  sheet.columns = [
    { header: '邮箱', width: 30 },
    { header: '姓名', width: 12 },
    { header: '工作单位', width: 24 },
    { header: '国家或地区', width: 12 },
    { header: '评审语言', width: 12 },
    { header: '学科代码', width: 16 },
    { header: '关键词', width: 30 },
    { header: '职称', width: 10 },
    { header: '每批次评审上限', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([
    'expert@example.edu.cn',
    '张伟',
    '北京工业大学',
    'CN',
    '中文、英文',
    '430, 520',
    '先进材料；机器学习',
    '正高级',
    10,
  ]);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('专家导入模板.xlsx')}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
