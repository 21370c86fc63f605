<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardWidget</name>
    <message>
        <location filename="../../ui/screen/board.py" line="34"/>
        <source>DEMO — not a real hall</source>
        <translation>演示系统 · 非真实业务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="48"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="69"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="72"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="83"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="106"/>
        <source>● Live</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="110"/>
        <source>Reconnecting… showing the last known state</source>
        <translation>正在重新连接…显示最后状态</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="112"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="118"/>
        <source>Please go to window {0}</source>
        <translation>请到{0}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="121"/>
        <source>Please wait for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="122"/>
        <source>Window {0}</source>
        <translation>{0}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="129"/>
        <source>Welcome. Please take a ticket at the self-service kiosk and wait for your number.</source>
        <translation>欢迎光临，请在自助终端取号，留意叫号。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="152"/>
        <source>Paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="154"/>
        <source>Closed</source>
        <translation>未开放</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="156"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="170"/>
        <source>{0} {1}: {2} waiting</source>
        <translation>{0} {1}：{2}人等候</translation>
    </message>
</context>
<context>
    <name>ManagerConsole</name>
    <message>
        <location filename="../../ui/screen/console.py" line="110"/>
        <source>Hall manager console</source>
        <translation>大厅管理控制台</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="114"/>
        <source>DEMO — not a real hall</source>
        <translation>演示系统 · 非真实业务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="117"/>
        <source>Manager console</source>
        <translation>管理控制台</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="121"/>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="122"/>
        <source>Supervision</source>
        <translation>电子监察</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="123"/>
        <source>Ratings to rectify</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="124"/>
        <source>Statistics</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="125"/>
        <source>Actions</source>
        <translation>管理操作</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="143"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="146"/>
        <location filename="../../ui/screen/console.py" line="184"/>
        <location filename="../../ui/screen/console.py" line="200"/>
        <location filename="../../ui/screen/console.py" line="235"/>
        <location filename="../../ui/screen/console.py" line="277"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="147"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="148"/>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="149"/>
        <location filename="../../ui/screen/console.py" line="283"/>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="150"/>
        <source>Serving for</source>
        <translation>已服务时长</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="154"/>
        <source>Queues</source>
        <translation>排队情况</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="156"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="156"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="156"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="156"/>
        <source>Longest wait (min)</source>
        <translation>最长等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="169"/>
        <source>In time</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="170"/>
        <source>Due soon</source>
        <translation>临界预警</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="171"/>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="178"/>
        <source>Overdue and due-soon cases</source>
        <translation>超时及临界办件</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="181"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="182"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="183"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="185"/>
        <source>Due</source>
        <translation>承诺办结日</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="186"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="197"/>
        <source>Rated</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="198"/>
        <source>Level</source>
        <translation>评价等级</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="199"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="201"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="202"/>
        <location filename="../../ui/screen/console.py" line="210"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="203"/>
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="211"/>
        <source>Call-back result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="214"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="216"/>
        <source>Save and close</source>
        <translation>保存并办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="236"/>
        <source>Served</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="237"/>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="238"/>
        <source>Average wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="239"/>
        <source>Average service (min)</source>
        <translation>平均办理（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="240"/>
        <source>Service level</source>
        <translation>服务达标率</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="245"/>
        <source>Export day as CSV</source>
        <translation>导出当日CSV</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="247"/>
        <source>Export day as PDF</source>
        <translation>导出当日PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="249"/>
        <source>Export month as PDF</source>
        <translation>导出本月PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="263"/>
        <source>Broadcast to screens and kiosks</source>
        <translation>发布到叫号屏和自助终端</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="265"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="270"/>
        <source>Open</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="271"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="272"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="281"/>
        <source>Move ticket</source>
        <translation>调整号码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="284"/>
        <source>To category</source>
        <translation>转到业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="289"/>
        <source>Publish the year&apos;s calendar</source>
        <translation>发布该年度工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="291"/>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="292"/>
        <source>Holidays (休) and make-up working days (班), one per line</source>
        <translation>节假日（休）和调休上班日（班），每行一个</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="316"/>
        <source>Not understood: {0}</source>
        <translation>无法识别：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="320"/>
        <source>Calendar {0} published: {1} days</source>
        <translation>{0}年工作日历已发布：{1}天</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="327"/>
        <source>The center cannot be reached; showing the last data. ({0})</source>
        <translation>无法连接中心服务器，显示最后数据。（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="416"/>
        <source>Today: {0} tickets issued, {1} served, {2} no-shows; average wait {3} min, longest {4} min. Cases received {5}, completed {6} (early {7}, on time {8}, overdue {9}). Satisfaction {10} of {11} ratings.</source>
        <translation>今日取号{0}个，办结{1}个，过号{2}个；平均等候{3}分钟，最长{4}分钟。收件{5}件，办结{6}件（提前{7}件，按时{8}件，超期{9}件）。满意率{10}（共{11}条评价）。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="473"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="481"/>
        <source>Choose a rating in the list first.</source>
        <translation>请先在列表中选择一条评价。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="504"/>
        <source>Notice sent</source>
        <translation>通知已发布</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="511"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="525"/>
        <source>Ticket moved</source>
        <translation>号码已调整</translation>
    </message>
</context>
</TS>
