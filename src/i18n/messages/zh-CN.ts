import type { Messages } from './en.js';

export const zhCN: Messages = {
  'indicator.operational': '所有系统运行正常',
  'indicator.minor': '轻微故障',
  'indicator.major': '重大故障',
  'indicator.critical': '严重故障',
  'indicator.maintenance': '维护中',
  'indicator.unknown': '状态未知',
  'state.loading': '正在检查状态…',
  'state.error': '无法获取状态',
  'state.stale': '状态截至 {time}；状态源暂无响应',
  'link.statusPage': '查看状态页',
};
