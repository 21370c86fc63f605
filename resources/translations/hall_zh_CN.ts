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
        <location filename="../../ui/screen/console.py" line="109"/>
        <source>Hall manager console</source>
        <translation>大厅管理控制台</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="113"/>
        <source>DEMO — not a real hall</source>
        <translation>演示系统 · 非真实业务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="116"/>
        <source>Manager console</source>
        <translation>管理控制台</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="120"/>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="121"/>
        <source>Supervision</source>
        <translation>电子监察</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="122"/>
        <source>Ratings to rectify</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="123"/>
        <source>Statistics</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="124"/>
        <source>Actions</source>
        <translation>管理操作</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="142"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="145"/>
        <location filename="../../ui/screen/console.py" line="183"/>
        <location filename="../../ui/screen/console.py" line="199"/>
        <location filename="../../ui/screen/console.py" line="234"/>
        <location filename="../../ui/screen/console.py" line="276"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="146"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="147"/>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="148"/>
        <location filename="../../ui/screen/console.py" line="282"/>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="149"/>
        <source>Serving for</source>
        <translation>已服务时长</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="153"/>
        <source>Queues</source>
        <translation>排队情况</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="155"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="155"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="155"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="155"/>
        <source>Longest wait (min)</source>
        <translation>最长等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="168"/>
        <source>In time</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="169"/>
        <source>Due soon</source>
        <translation>临界预警</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="170"/>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="177"/>
        <source>Overdue and due-soon cases</source>
        <translation>超时及临界办件</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="180"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="181"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="182"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="184"/>
        <source>Due</source>
        <translation>承诺办结日</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="185"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="196"/>
        <source>Rated</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="197"/>
        <source>Level</source>
        <translation>评价等级</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="198"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="200"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="201"/>
        <location filename="../../ui/screen/console.py" line="209"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="202"/>
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="210"/>
        <source>Call-back result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="213"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="215"/>
        <source>Save and close</source>
        <translation>保存并办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="235"/>
        <source>Served</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="236"/>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="237"/>
        <source>Average wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="238"/>
        <source>Average service (min)</source>
        <translation>平均办理（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="239"/>
        <source>Service level</source>
        <translation>服务达标率</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="244"/>
        <source>Export day as CSV</source>
        <translation>导出当日CSV</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="246"/>
        <source>Export day as PDF</source>
        <translation>导出当日PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="248"/>
        <source>Export month as PDF</source>
        <translation>导出本月PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="262"/>
        <source>Broadcast to screens and kiosks</source>
        <translation>发布到叫号屏和自助终端</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="264"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="269"/>
        <source>Open</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="270"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="271"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="280"/>
        <source>Move ticket</source>
        <translation>调整号码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="283"/>
        <source>To category</source>
        <translation>转到业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="294"/>
        <source>The center cannot be reached; showing the last data. ({0})</source>
        <translation>无法连接中心服务器，显示最后数据。（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="383"/>
        <source>Today: {0} tickets issued, {1} served, {2} no-shows; average wait {3} min, longest {4} min. Cases received {5}, completed {6} (early {7}, on time {8}, overdue {9}). Satisfaction {10} of {11} ratings.</source>
        <translation>今日取号{0}个，办结{1}个，过号{2}个；平均等候{3}分钟，最长{4}分钟。收件{5}件，办结{6}件（提前{7}件，按时{8}件，超期{9}件）。满意率{10}（共{11}条评价）。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="440"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="448"/>
        <source>Choose a rating in the list first.</source>
        <translation>请先在列表中选择一条评价。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="471"/>
        <source>Notice sent</source>
        <translation>通知已发布</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="478"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="492"/>
        <source>Ticket moved</source>
        <translation>号码已调整</translation>
    </message>
</context>
</TS>
